using System.Net;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Infrastructure.Text;

namespace ScrutinyTracker.Tests.Features.Updates;

/// <summary>Answers are stored as typed: only CR LF and a lone CR become LF.</summary>
public sealed class LineBreakTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private const string Typed = "Windows\r\nold Mac\rUnix\nform feed\fnext line\u0085line separator\u2028paragraph separator\u2029tab\tend";
    private const string Stored = "Windows\nold Mac\nUnix\nform feed\fnext line\u0085line separator\u2028paragraph separator\u2029tab\tend";

    [Fact]
    public void Only_CR_LF_and_CR_are_normalised() =>
        TypedText.NormaliseLineBreaks(Typed).ShouldBe(Stored);

    [Theory]
    [InlineData("\u0000", true)]
    [InlineData("\u0007", true)]
    [InlineData("\u000b", true)]
    [InlineData("\u001b", true)]
    [InlineData("\u007f", true)]
    [InlineData("\u0092", true)]
    [InlineData("\t\n\r\f\u0085\u2028\u2029", false)]
    [InlineData("é – “quoted” 😀", false)]
    public void Control_characters_other_than_tab_and_line_breaks_are_refused(string text, bool refused) =>
        TypedText.HasRefusedCharacters(text).ShouldBe(refused);

    [Fact]
    public async Task Evidence_and_explanation_are_stored_as_typed_except_for_CR()
    {
        var round = await app.CreateRoundAsync("Line breaks");
        var client = await app.SignedInAsync(ScrutinyTracker.Web.Data.Seed.DemoUsers.LinkOfficerEmail);
        var page = await client.GetDocumentAsync(round.FormUrl);
        var id = round.UpdateIds[0];

        var response = await client.SaveAllAsync(page, (id, "Evidence", Typed), (id, "Grade", "3"), (id, "Explanation", Typed));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.UpdateAsync(id);
        stored.Evidence.ShouldBe(Stored);
        stored.Explanation.ShouldBe(Stored);

    }

    [Fact]
    public async Task Text_shown_back_and_posted_again_with_CR_LF_is_no_change()
    {
        var round = await app.CreateRoundAsync("Line breaks again");
        var client = await app.SignedInAsync(ScrutinyTracker.Web.Data.Seed.DemoUsers.LinkOfficerEmail);
        var id = round.UpdateIds[0];
        const string typed = "First\r\nsecond\fthird\u2028fourth";
        await client.SaveAllAsync(await client.GetDocumentAsync(round.FormUrl), (id, "Evidence", typed));
        var before = (await app.UpdateAsync(id)).Version;

        var again = await client.SaveAllAsync(await client.GetDocumentAsync(round.FormUrl), (id, "Evidence", typed));

        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.UpdateAsync(id)).Version.ShouldBe(before);
    }
}
