using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ScrutinyTracker.Tests.Infrastructure;

namespace ScrutinyTracker.Tests.Features.Imports;

/// <summary>Uploading a file through the import page, as a browser does: its antiforgery token and a multipart body.</summary>
public static class Uploads
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Posts the upload form; <paramref name="committee"/> is the option's text (the first committee when null).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string fileName, byte[] content, string? committee = null, string contentType = ContentType)
    {
        var page = await client.GetDocumentAsync("/imports/word");
        var form = page.QuerySelector<IHtmlFormElement>("main form[enctype='multipart/form-data']")!;
        var token = form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var options = form.QuerySelectorAll<IHtmlOptionElement>("select[name='SelectCommitteeId'] option").Where(o => o.Value.Length > 0).ToList();
        var chosen = committee is null ? options[0] : options.Single(o => o.Text.Trim() == committee);
        var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(chosen.Value), "SelectCommitteeId" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        body.Add(file, "Document", fileName);
        return await client.PostAsync("/imports/word", body);
    }

    /// <summary>Uploads and follows to the preview, which must be shown.</summary>
    public static async Task<IDocument> PreviewAsync(this HttpClient client, string fileName, byte[] content, string? committee = null)
    {
        var response = await client.UploadAsync(fileName, content, committee);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
    }

    /// <summary>The error the upload page shows beside the file field.</summary>
    public static async Task<string> RefusalAsync(this HttpClient client, string fileName, byte[] content, string contentType = ContentType)
    {
        var response = await client.UploadAsync(fileName, content, contentType: contentType);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HttpClientExtensions.ParseAsync(response);
        page.QuerySelector(".govuk-error-summary").ShouldNotBeNull();
        return page.TextOf("#Document-error");
    }

    public static IReadOnlyList<string> Warnings(this IDocument preview) =>
        preview.QuerySelectorAll("#import-warnings li").Select(li => li.TextContent.Trim()).ToList();
}
