using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Reviews;

public sealed class ReviewFormTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private Task<HttpClient> OfficerAsync() => app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

    private static string OptionValue(IDocument page, string selector, string text) =>
        page.QuerySelectorAll(selector).Single(o => o.TextContent.Trim() == text).GetAttribute("value")!;

    private static string CheckboxValue(IDocument page, string name, string label) =>
        page.QuerySelectorAll($"input[name={name}]")
            .Single(i => page.QuerySelector($"label[for={i.Id}]")!.TextContent.Trim() == label)
            .GetAttribute("value")!;

    private static IReadOnlyList<string> Errors(IDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    [Fact]
    public async Task A_new_review_is_saved_with_its_details_and_leads_to_its_action_plan()
    {
        var client = await OfficerAsync();
        var page = await client.GetDocumentAsync("/reviews/new");

        var response = await client.SubmitFormAsync(page,
        [
            new("Title", " Youth Unemployment "),
            new("SelectCommitteeId", OptionValue(page, "#SelectCommitteeId option", "People Select Committee")),
            new("LinkOfficerIds", CheckboxValue(page, "LinkOfficerIds", "Marc Stephenson")),
            new("ActionPlanAgreed", "june 2024"),
            new("ReportToExecutive.Day", "12"),
            new("ReportToExecutive.Month", "2"),
            new("ReportToExecutive.Year", "2024"),
            new("FollowUpMonths", "3"),
        ]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var review = await app.WithDbAsync(db => db.Reviews.AsNoTracking()
            .Include(r => r.SelectCommittee).Include(r => r.LinkOfficers).ThenInclude(l => l.User)
            .SingleAsync(r => r.Title == "Youth Unemployment"));
        response.Headers.Location!.ToString().ShouldBe($"/reviews/{review.Id}/plan");
        review.SelectCommittee!.Name.ShouldBe("People Select Committee");
        review.LinkOfficers.Select(l => l.User!.DisplayName).ShouldBe(["Marc Stephenson"]);
        review.ActionPlanAgreed.ShouldBe(new YearMonth(2024, 6));
        review.ReportToExecutive.ShouldBe(new DateOnly(2024, 2, 12));
        review.FirstUpdateMonths.ShouldBeNull();
        review.FollowUpMonths.ShouldBe(3);
        review.Status.ShouldBe(ReviewStatus.Monitoring);
    }

    [Fact]
    public async Task A_review_can_be_added_when_its_report_goes_to_the_Executive_before_the_plan_is_agreed()
    {
        var client = await OfficerAsync();
        var page = await client.GetDocumentAsync("/reviews/new");

        var response = await client.SubmitFormAsync(page,
        [
            new("Title", "Plan to come"),
            new("SelectCommitteeId", OptionValue(page, "#SelectCommitteeId option", "People Select Committee")),
            new("ActionPlanAgreed", ""),
        ]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Reviews.SingleAsync(r => r.Title == "Plan to come"))).ActionPlanAgreed.ShouldBeNull();
    }

    [Theory]
    [InlineData("ReportToExecutive.Day", "31", "ReportToExecutive.Month", "2", "The date the report went to the Executive must be a real date, for example 12 2 2019")]
    [InlineData("FollowUpMonths", "4", "FirstUpdateMonths", "", "Choose 3, 6 or 12 months between later progress updates")]
    public async Task Impossible_dates_and_intervals_are_refused(string field, string value, string other, string otherValue, string message)
    {
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync("/reviews/new",
            [new("Title", "A title"), new(field, value), new(other, otherValue), new("ReportToExecutive.Year", field.StartsWith("Report") ? "2019" : "")]);

        Errors(await HttpClientExtensions.ParseAsync(response)).ShouldBe([message, "Select the Select Committee"], ignoreOrder: true);
    }

    [Fact]
    public async Task An_empty_form_says_once_what_each_field_needs()
    {
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync("/reviews/new", [new("Title", ""), new("SelectCommitteeId", ""), new("ActionPlanAgreed", "")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HttpClientExtensions.ParseAsync(response);
        Errors(page).ShouldBe(["Enter the title of the review", "Select the Select Committee"]);
        page.TextOf("#Title-error").ShouldBe("Error: Enter the title of the review");
        page.QuerySelector("#Title")!.ClassList.ShouldContain("govuk-input--error");
        page.Title.ShouldStartWith("Error: ");
    }

    [Theory]
    [InlineData("Title", 201, "Title must be 200 characters or fewer")]
    [InlineData("ActionPlanAgreed", 0, "Enter the month the action plan was agreed as a month and year, for example March 2019")]
    public async Task Over_long_or_unreadable_answers_are_refused(string field, int length, string message)
    {
        var client = await OfficerAsync();
        var value = length > 0 ? new string('t', length) : "Spring 2019";
        var answers = new Dictionary<string, string> { ["Title"] = "A title", ["ActionPlanAgreed"] = "May 2020", [field] = value };

        var response = await client.SubmitFormAsync("/reviews/new", answers);

        var page = await HttpClientExtensions.ParseAsync(response);
        Errors(page).ShouldBe([message, "Select the Select Committee"], ignoreOrder: true);
        page.QuerySelector($"#{field}")!.GetAttribute("value").ShouldBe(value);
    }

    [Fact]
    public async Task The_form_offers_only_users_with_the_link_officer_role()
    {
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync("/reviews/new");

        var offered = page.QuerySelectorAll("input[name=LinkOfficerIds] + label").Select(l => l.TextContent.Trim()).ToList();
        offered.ShouldContain("Marc Stephenson");
        offered.ShouldNotContain("Alex Admin");
        offered.ShouldNotContain("Sam Scrutiny");
        offered.ShouldNotContain("Chris Councillor");
    }

    [Fact]
    public async Task The_form_validates_in_the_browser_too()
    {
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync("/reviews/new");

        var title = page.QuerySelector("#Title")!;
        title.GetAttribute("data-val-required").ShouldBe("Enter the title of the review");
        title.GetAttribute("data-val-maxlength-max").ShouldBe("200");
        page.QuerySelector("#Title-error span[data-valmsg-for=Title]").ShouldNotBeNull();
        var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!.Split('?')[0]).ToList();
        scripts.ShouldContain("/lib/jquery/jquery.min.js");
        scripts.ShouldContain("/lib/jquery-validation/jquery.validate.min.js");
        scripts.ShouldContain("/lib/jquery-validation-unobtrusive/jquery.validate.unobtrusive.min.js");
        scripts.ShouldContain("/js/validation.js");
        foreach (var script in scripts.Where(s => s.StartsWith("/lib/jquery") || s == "/js/validation.js"))
        {
            (await client.GetAsync(script)).StatusCode.ShouldBe(HttpStatusCode.OK, script);
        }
    }

    [Fact]
    public async Task Editing_a_review_changes_its_details_and_link_officers()
    {
        var id = await app.AddReviewAsync("Air Quality", new(2023, 9));
        var newOfficer = await app.AddLinkOfficerAsync("Priya Patel");
        var client = await OfficerAsync();
        var page = await client.GetDocumentAsync($"/reviews/{id}/edit");
        page.QuerySelector("#ActionPlanAgreed")!.GetAttribute("value").ShouldBe("September 2023");

        var response = await client.SubmitFormAsync(page,
        [
            new("Title", "Air Quality around Schools"),
            new("SelectCommitteeId", OptionValue(page, "#SelectCommitteeId option", "Place Select Committee")),
            new("LinkOfficerIds", newOfficer),
            new("ActionPlanAgreed", "October 2023"),
        ]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/reviews/{id}");
        var review = await app.WithDbAsync(db => db.Reviews.AsNoTracking().Include(r => r.SelectCommittee).Include(r => r.LinkOfficers).SingleAsync(r => r.Id == id));
        review.Title.ShouldBe("Air Quality around Schools");
        review.SelectCommittee!.Name.ShouldBe("Place Select Committee");
        review.ActionPlanAgreed.ShouldBe(new YearMonth(2023, 10));
        review.LinkOfficers.Select(l => l.UserId).ShouldBe([newOfficer]);
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_is_refused_and_keeps_what_was_typed()
    {
        var id = await app.AddReviewAsync("Street Lighting", new(2023, 9));
        var client = await OfficerAsync();
        var page = await client.GetDocumentAsync($"/reviews/{id}/edit");
        await app.WithDbAsync(async db =>
        {
            (await db.Reviews.SingleAsync(r => r.Id == id)).Title = "Street Lighting (renamed by a colleague)";
            await db.SaveChangesAsync();
        });

        var response = await client.SubmitFormAsync(page, [new("Title", "Street Lighting and Safety")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await HttpClientExtensions.ParseAsync(response);
        Errors(again).Single().ShouldStartWith("Someone else changed this review while you were editing it.");
        again.QuerySelector("#Title")!.GetAttribute("value").ShouldBe("Street Lighting and Safety");
        (await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.Title).SingleAsync())).ShouldBe("Street Lighting (renamed by a colleague)");

        var saved = await client.SubmitFormAsync(again, []);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.Title).SingleAsync())).ShouldBe("Street Lighting and Safety");
    }

    [Fact]
    public async Task Committee_members_cannot_add_reviews()
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.CommitteeMemberEmail);

        var response = await client.GetAsync("/reviews/new");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }
}
