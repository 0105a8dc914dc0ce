using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.SelectCommittees;

public sealed class SelectCommitteesTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private Task<HttpClient> OfficerAsync() => app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

    [Fact]
    public async Task An_added_Select_Committee_is_offered_on_the_review_form()
    {
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync("/select-committees", [new("Form.Name", "  Audit and Governance Committee ")]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await client.GetDocumentAsync("/select-committees");
        list.QuerySelectorAll("main table tbody th").Select(th => th.TextContent).ShouldContain("Audit and Governance Committee");
        var form = await client.GetDocumentAsync("/reviews/new");
        form.QuerySelectorAll("#SelectCommitteeId option").Select(o => o.TextContent).ShouldContain("Audit and Governance Committee");
    }

    [Fact]
    public async Task A_name_already_used_in_any_case_is_refused()
    {
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync("/select-committees", [new("Form.Name", "place select committee")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HttpClientExtensions.ParseAsync(response);
        page.TextOf(".govuk-error-summary__list").ShouldBe("There is already a Select Committee called place select committee");
        page.TextOf("#Form_Name-error").ShouldContain("There is already a Select Committee called place select committee");
        (await app.WithDbAsync(db => db.SelectCommittees.CountAsync(c => c.NormalizedName == "PLACE SELECT COMMITTEE"))).ShouldBe(1);
    }

    [Theory]
    [InlineData("", "Enter the name of the Select Committee")]
    [InlineData("x", "Name must be 150 characters or fewer")]
    public async Task Empty_and_over_long_names_are_refused_with_a_message(string name, string message)
    {
        var client = await OfficerAsync();
        var value = name == "x" ? new string('x', 151) : name;

        var response = await client.SubmitFormAsync("/select-committees", [new("Form.Name", value)]);

        var page = await HttpClientExtensions.ParseAsync(response);
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ShouldBe([message]);
        page.QuerySelector("#Form_Name")!.ClassList.ShouldContain("govuk-input--error");
    }

    [Fact]
    public async Task Renaming_a_committee_renames_it_on_its_reviews()
    {
        var client = await OfficerAsync();
        var id = await app.WithDbAsync(db => db.SelectCommittees.Where(c => c.Name == "People Select Committee").Select(c => c.Id).SingleAsync());
        await app.AddReviewAsync("Loneliness", new(2024, 1), r => r.SelectCommitteeId = id);

        var response = await client.SubmitFormAsync($"/select-committees/{id}/rename", [new("Form.Name", "People and Communities Select Committee")]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reviews = await client.GetDocumentAsync("/");
        reviews.QuerySelectorAll("main tbody tr").Single(tr => tr.TextContent.Contains("Loneliness")).TextContent
            .ShouldContain("People and Communities Select Committee");
    }

    [Fact]
    public async Task Link_officers_cannot_manage_Select_Committees()
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);

        var response = await client.GetAsync("/select-committees");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }
}
