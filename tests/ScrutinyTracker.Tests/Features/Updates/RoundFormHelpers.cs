using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ScrutinyTracker.Tests.Infrastructure;

namespace ScrutinyTracker.Tests.Features.Updates;

/// <summary>Drives the round form as a browser without JavaScript does.</summary>
public static class RoundFormHelpers
{
    public const string RoundFormSelector = "form[data-round-form]";

    /// <summary>Presses a button of the round form: the whole form is posted to the button's formaction, if it has one.</summary>
    public static Task<HttpResponseMessage> PressAsync(this HttpClient client, IDocument page, string buttonSelector, IEnumerable<KeyValuePair<string, string>> values)
    {
        var form = page.QuerySelector<IHtmlFormElement>(RoundFormSelector) ?? throw new InvalidOperationException($"No round form on {page.Url}");
        var button = form.QuerySelector(buttonSelector) ?? throw new InvalidOperationException($"No button '{buttonSelector}' in the round form");
        if (button.GetAttribute("formaction") is { Length: > 0 } formAction)
        {
            form.SetAttribute("action", formAction);
        }

        return client.SubmitFormAsync(page, values, RoundFormSelector);
    }

    public static Task<HttpResponseMessage> SaveAllAsync(this HttpClient client, IDocument page, params (int UpdateId, string Field, string Value)[] values) =>
        client.PressAsync(page, "button:not([formaction])", Values(values));

    public static Task<HttpResponseMessage> SaveActionAsync(this HttpClient client, IDocument page, int updateId, params (int UpdateId, string Field, string Value)[] values) =>
        client.PressAsync(page, $"[data-update='{updateId}'] button[data-save-update]", Values(values));

    public static Task<HttpResponseMessage> SubmitRoundAsync(this HttpClient client, IDocument page, params (int UpdateId, string Field, string Value)[] values) =>
        client.PressAsync(page, "button[formaction$='/submit']", Values(values));

    /// <summary>The antiforgery token of a page's first form, for posts the page itself would not make.</summary>
    public static KeyValuePair<string, string> AntiforgeryToken(this IDocument page) =>
        new("__RequestVerificationToken", page.QuerySelector<IHtmlInputElement>("main form input[name='__RequestVerificationToken']")!.Value);

    public static string TextareaValue(this IDocument page, int updateId, string field) =>
        page.QuerySelector<IHtmlTextAreaElement>($"textarea[name='{UpdatesTestData.Field(updateId, field)}']")?.Value
        ?? throw new InvalidOperationException($"No {field} textarea for update {updateId}");

    public static IReadOnlyList<(string Text, string Href)> ErrorSummary(this IDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li")
            .Select(li => (li.TextContent.Trim(), li.QuerySelector("a")?.GetAttribute("href") ?? ""))
            .ToList();

    private static IEnumerable<KeyValuePair<string, string>> Values((int UpdateId, string Field, string Value)[] values) =>
        values.Select(v => new KeyValuePair<string, string>(UpdatesTestData.Field(v.UpdateId, v.Field), v.Value));
}
