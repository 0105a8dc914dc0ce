using System.Net;
using System.Reflection;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Features.Updates;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Web;
using static ScrutinyTracker.Tests.Features.Updates.UpdatesTestData;

namespace ScrutinyTracker.Tests.Infrastructure.Forms;

/// <summary>Values no page sends (a grade of 5, a committee id of "abc"): the field's own message, never MVC's "The value '5' is invalid.".</summary>
public sealed class TamperedValuesTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private static IReadOnlyList<string> Errors(IDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    private async Task<(HttpClient Client, TestRound Round, IDocument Page)> RoundFormAsync(string title)
    {
        var round = await app.CreateRoundAsync(title);
        var client = await app.SignedInAsync(DemoUsers.LinkOfficerEmail);
        return (client, round, await client.GetDocumentAsync(round.FormUrl));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("0")]
    [InlineData("abc")]
    public async Task A_grade_outside_1_to_4_gets_the_grades_own_message(string grade)
    {
        var (client, round, page) = await RoundFormAsync($"Grade {grade}");
        var id = round.UpdateIds[0];

        var response = await client.SaveAllAsync(page, (id, "Evidence", "Typed evidence."), (id, "Grade", grade));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await HttpClientExtensions.ParseAsync(response);
        refused.ErrorSummary().ShouldBe([("Select an Assessment of Progress from 1 to 4", $"#Updates_{id}__Grade")]);
        refused.TextareaValue(id, "Evidence").ShouldBe("Typed evidence.");
        (await app.UpdateAsync(id)).Grade.ShouldBeNull();
    }

    [Fact]
    public async Task The_background_save_lists_the_errors_it_refuses()
    {
        var (client, round, page) = await RoundFormAsync("Background grade");
        var id = round.UpdateIds[0];
        var request = new HttpRequestMessage(HttpMethod.Post, $"{round.FormUrl}/{id}")
        {
            Content = new FormUrlEncodedContent([page.AntiforgeryToken(), new(Field(id, "Version"), (await app.UpdateAsync(id)).Version.ToString()), new(Field(id, "Grade"), "5")]),
        };
        request.Headers.Add("X-Requested-With", "fetch");

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"errors":["Select an Assessment of Progress from 1 to 4"]}""");
    }

    [Fact]
    public async Task A_version_that_is_not_a_guid_is_refused_as_a_change_made_meanwhile_and_saving_again_works()
    {
        var (client, round, page) = await RoundFormAsync("Version");
        var id = round.UpdateIds[0];

        var response = await client.SaveAllAsync(page, (id, "Version", "not-a-guid"), (id, "Evidence", "Mine."));

        var refused = await HttpClientExtensions.ParseAsync(response);
        Errors(refused).ShouldBe(["Someone else saved Recommendation 1 while you were editing it. Compare their answers with yours, then save again to keep yours"]);
        refused.TextareaValue(id, "Evidence").ShouldBe("Mine.");
        (await client.SaveAllAsync(refused)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.UpdateAsync(id)).Evidence.ShouldBe("Mine.");
    }

    [Fact]
    public async Task An_update_id_that_is_not_a_number_is_an_update_not_in_the_round()
    {
        var (client, _, page) = await RoundFormAsync("Update id");

        var response = await client.SaveAllAsync(page, (0, "Evidence", "x"));
        var named = await client.SubmitFormAsync(page, [new("Updates[abc].Evidence", "x")], RoundFormHelpers.RoundFormSelector);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        named.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("abc", "Select the Select Committee")]
    [InlineData("99999", "Select the Select Committee from the list")]
    public async Task An_unknown_Select_Committee_gets_the_fields_own_message(string committee, string message)
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

        var response = await client.SubmitFormAsync("/reviews/new", [new("Title", "Tampered"), new("SelectCommitteeId", committee), new("ActionPlanAgreed", "March 2024")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Errors(await HttpClientExtensions.ParseAsync(response)).ShouldBe([message]);
    }

    [Fact]
    public async Task A_part_id_that_is_not_a_number_gets_a_message_saying_what_to_do()
    {
        var reviewId = await app.AddReviewAsync("Tampered part", new(2024, 2), review => review.Recommendations.Add(TestReviews.Recommendation(1, "That something be done.")));
        var recommendationId = await app.WithDbAsync(db => db.Recommendations.Where(r => r.ReviewId == reviewId).Select(r => r.Id).SingleAsync());
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

        var response = await client.SubmitFormAsync($"/reviews/{reviewId}/plan/recommendations/{recommendationId}/actions/new",
            [new("PartId", "abc"), new("Responsibility", "Someone"), new("TargetDate", "May 2024"), new("AgreedAction", "Act."), new("SuccessMeasure", "Done.")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Errors(await HttpClientExtensions.ParseAsync(response)).ShouldBe(["The part to add this action to was not recognised. Go back to the action plan and choose the part's \"Add an action\" link again"]);
        (await app.WithDbAsync(db => db.PlanActions.CountAsync(a => a.RecommendationId == recommendationId))).ShouldBe(0);
    }

    [Theory]
    [InlineData("/dashboard?year=abc")]
    [InlineData("/dashboard?committee=x&status=nonsense&page=first")]
    [InlineData("/?page=abc")]
    [InlineData("/committee-packs?committee=abc")]
    public async Task A_filter_that_cannot_be_read_is_ignored_and_the_page_has_no_error_title(string url)
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

        var page = await client.GetDocumentAsync(url);

        page.Title!.ShouldNotContain("Error");
        page.QuerySelector(".govuk-error-summary").ShouldBeNull();
    }

    /// <summary>The survey: every value a form posts that is not text has its own message, so none can fall back to MVC's.</summary>
    [Fact]
    public void Every_posted_value_that_is_not_text_has_its_own_message()
    {
        var exempt = new Dictionary<string, string>
        {
            // Accept all skips, and counts as not accepted, every update the officer did not see unchanged.
            ["SeenUpdate.Id"] = "skipped",
            // A file is there or not: an absent or empty one gets the upload's own message.
            ["UploadForm.Document"] = "its own message",
        };
        var forms = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(ControllerBase).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<Microsoft.AspNetCore.Mvc.HttpPostAttribute>().Any())
            .SelectMany(m => m.GetParameters())
            .Select(p => p.ParameterType)
            .Where(t => t.IsClass && t != typeof(string) && t.Namespace!.StartsWith("ScrutinyTracker", StringComparison.Ordinal))
            .Distinct();
        var missing = new List<string>();
        foreach (var form in forms)
        {
            Survey(form, missing, exempt, []);
        }

        missing.ShouldBeEmpty();
    }

    private static void Survey(Type form, List<string> missing, Dictionary<string, string> exempt, HashSet<Type> seen)
    {
        if (!seen.Add(form))
        {
            return;
        }

        foreach (var property in form.GetProperties().Where(p => p.CanWrite && p.GetCustomAttribute<BindNeverAttribute>() is null))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var element = type.IsGenericType ? type.GetGenericArguments().Last() : type;
            if (element.Namespace?.StartsWith("ScrutinyTracker", StringComparison.Ordinal) == true && element.IsClass)
            {
                Survey(element, missing, exempt, seen);
                continue;
            }

            var name = $"{form.Name}.{property.Name}";
            var isText = element == typeof(string);
            var isVersion = element == typeof(Guid) && property.Name == "Version";
            if (!isText && !isVersion && property.GetCustomAttribute<InvalidValueMessageAttribute>() is null && !exempt.ContainsKey(name))
            {
                missing.Add(name);
            }
        }
    }
}
