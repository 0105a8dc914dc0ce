using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ScrutinyTracker.Web.Data.Seed;
using Shouldly;

namespace ScrutinyTracker.Tests.Infrastructure;

/// <summary>Drives the app through its pages, as a browser would: GET a form, fill it, POST it with its antiforgery token.</summary>
public static class HttpClientExtensions
{
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    /// <summary>Posts the form (the first, or the one matching <paramref name="formSelector"/>) with its own fields overridden by <paramref name="values"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> values, string formSelector = "main form")
    {
        var page = await client.GetDocumentAsync(url);
        return await client.SubmitFormAsync(page, values, formSelector);
    }

    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, IDocument page, IEnumerable<KeyValuePair<string, string>> values, string formSelector = "main form")
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}");
        var fields = new List<KeyValuePair<string, string>>();
        var overridden = values.ToList();
        var names = overridden.Select(v => v.Key).ToHashSet();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !names.Contains(input.Name):
                    if ((input.Type is "radio" or "checkbox") && !input.IsChecked)
                    {
                        continue;
                    }

                    if (input.Type is not ("submit" or "button"))
                    {
                        fields.Add(new(input.Name, input.Value));
                    }

                    break;
                case IHtmlTextAreaElement textarea when !string.IsNullOrEmpty(textarea.Name) && !names.Contains(textarea.Name):
                    fields.Add(new(textarea.Name, textarea.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !names.Contains(select.Name):
                    fields.Add(new(select.Name, select.Value ?? ""));
                    break;
            }
        }

        fields.AddRange(overridden);
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : new Uri(page.Url).PathAndQuery;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Signs in through the sign-in page and checks it worked.</summary>
    public static async Task SignInAsync(this HttpClient client, string email, string password = DemoUsers.Password)
    {
        var response = await client.SubmitFormAsync("/account/sign-in", [new("Email", email), new("Password", password)]);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {email}");
    }

    /// <summary>
    /// The page as printed and as wide screens show it: without the renderings only phones display
    /// (.app-narrow-only, such as a report's cards of actions), which repeat what the tables show.
    /// </summary>
    public static IDocument WithoutPhoneLayout(this IDocument page)
    {
        foreach (var element in page.QuerySelectorAll(".app-narrow-only").ToList())
        {
            element.Remove();
        }

        return page;
    }

    public static string TextOf(this IDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"Nothing matches '{selector}' on {page.Url}");
}
