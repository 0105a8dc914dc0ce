using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Caching;

namespace ScrutinyTracker.Tests.Features.Reports;

/// <summary>
/// The report and history are served from the output cache (issue 17): a second read sends no SQL, a
/// change shows at once, and no reader is ever served another's copy.
/// </summary>
public sealed partial class ReportCachingTests(QueryCountingAppFactory app) : IClassFixture<QueryCountingAppFactory>
{
    [Theory]
    [InlineData("report")]
    [InlineData("history")]
    public async Task A_second_read_of_the_same_page_by_the_same_reader_sends_no_SQL(string page)
    {
        var url = $"/reviews/{await HateCrimeAsync()}/{page}";
        var client = await ReaderAsync(DemoUsers.CommitteeMemberEmail);
        await app.Services.GetRequiredService<ReviewPageCache>().EveryReviewChangedAsync();

        var first = PageCommands(await app.Commands.DuringAsync(() => client.GetDocumentAsync(url)));
        var second = PageCommands(await app.Commands.DuringAsync(() => client.GetDocumentAsync(url)));

        first.ShouldNotBeEmpty();
        second.ShouldBeEmpty("the page came from the output cache");
    }

    [Fact]
    public async Task A_second_read_of_a_cached_report_sends_no_SQL_at_all_not_even_for_the_session()
    {
        var url = $"/reviews/{await HateCrimeAsync()}/report";
        var client = await ReaderAsync(DemoUsers.CommitteeMemberEmail);
        await client.GetStringAsync(url);

        var second = await app.Commands.DuringAsync(() => client.GetDocumentAsync(url));

        second.ShouldBeEmpty("the session came from this instance's copy and the page from the output cache");
    }

    [Fact]
    public async Task A_change_to_the_review_shows_on_its_cached_report_at_once()
    {
        var id = await app.AddReviewAsync("Cached Report Review", new YearMonth(2024, 3),
            r => r.Recommendations.Add(TestReviews.Recommendation(1, "That the cached text be shown.")));
        var officer = await ReaderAsync(DemoUsers.ScrutinyOfficerEmail);
        (await officer.GetStringAsync($"/reviews/{id}/report")).ShouldContain("That the cached text be shown.");
        PageCommands(await app.Commands.DuringAsync(() => officer.GetStringAsync($"/reviews/{id}/report"))).ShouldBeEmpty("cached");

        var recommendation = await app.WithDbAsync(db => db.Recommendations.SingleAsync(r => r.ReviewId == id));
        var response = await officer.SubmitFormAsync($"/reviews/{id}/plan/recommendations/{recommendation.Id}/edit",
            [new("Text", "That the changed text be shown at once.")]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await officer.GetStringAsync($"/reviews/{id}/report");
        after.ShouldContain("That the changed text be shown at once.");
        after.ShouldNotContain("That the cached text be shown.");
    }

    [Fact]
    public async Task A_link_officer_and_a_committee_member_never_get_each_others_cached_page()
    {
        var url = $"/reviews/{await HateCrimeAsync()}/report";
        var linkOfficer = await ReaderAsync(DemoUsers.LinkOfficerEmail);
        var member = await ReaderAsync(DemoUsers.CommitteeMemberEmail);

        // Each reads twice, in turns, so each second read is a cache hit of its own copy.
        var officerFirst = await linkOfficer.GetStringAsync(url);
        var memberFirst = await member.GetStringAsync(url);
        var officerSecond = await app.Commands.DuringAsync(async () => officerFirst = await linkOfficer.GetStringAsync(url));
        string memberSecondPage = "";
        var memberSecond = await app.Commands.DuringAsync(async () => memberSecondPage = await member.GetStringAsync(url));

        PageCommands(officerSecond).ShouldBeEmpty();
        PageCommands(memberSecond).ShouldBeEmpty();
        officerFirst.ShouldContain("Include updates not yet accepted", customMessage: "a link officer may include drafts");
        officerFirst.ShouldContain(DemoUsers.All.Single(u => u.Email == DemoUsers.LinkOfficerEmail).Name);
        memberSecondPage.ShouldNotContain("Include updates not yet accepted", customMessage: "a committee member only ever sees accepted updates");
        memberSecondPage.ShouldNotContain(DemoUsers.All.Single(u => u.Email == DemoUsers.LinkOfficerEmail).Name + "</span>");
        memberSecondPage.ShouldBe(memberFirst.Replace("\r", ""), "the member's cached copy is the member's page");
        SignOutToken(memberSecondPage).ShouldNotBe(SignOutToken(officerFirst));
    }

    [Fact]
    public async Task A_cached_page_runs_only_the_apps_script_files()
    {
        var url = $"/reviews/{await HateCrimeAsync()}/report";
        var client = await ReaderAsync(DemoUsers.ScrutinyOfficerEmail);
        await client.GetStringAsync(url);

        var cached = await client.GetAsync(url);

        cached.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self';");
        var body = await cached.Content.ReadAsStringAsync();
        InlineScript().Matches(body).Select(m => m.Value).ShouldBeEmpty("every script is a file, so a kept copy runs under any response's policy");
        body.ShouldContain("/js/js-enabled.js");
    }

    /// <summary>
    /// Signed in, with the antiforgery cookie the first page sets (a response that sets a cookie is never
    /// kept), as for anyone who has opened a page.
    /// </summary>
    private async Task<HttpClient> ReaderAsync(string email)
    {
        var client = await app.SignedInAsync(email);
        await client.GetStringAsync("/");
        return client;
    }

    /// <summary>The commands of the page itself, without the sign-in session's check that every signed-in request makes first.</summary>
    private static List<string> PageCommands(IEnumerable<string> commands) =>
        [.. commands.Where(c => !c.Contains("\"UserSessions\"", StringComparison.Ordinal))];

    private Task<int> HateCrimeAsync() => app.WithDbAsync(db => db.Reviews.Where(r => r.Title == "Hate Crime").Select(r => r.Id).SingleAsync());

    private static string? SignOutToken(string page) =>
        Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
