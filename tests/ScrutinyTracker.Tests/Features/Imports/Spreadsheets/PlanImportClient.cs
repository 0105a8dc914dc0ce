using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data;

namespace ScrutinyTracker.Tests.Features.Imports.Spreadsheets;

/// <summary>Uploads a file through the import page as a browser does, and reads a review's plan back for comparing.</summary>
public static class PlanImportClient
{
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, int reviewId, string fileName, byte[] content)
    {
        var page = await client.GetDocumentAsync($"/reviews/{reviewId}/plan/import");
        var form = page.QuerySelector("main form[enctype='multipart/form-data']") ?? throw new InvalidOperationException("no upload form");
        var multipart = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        multipart.Add(file, "file", fileName);
        return await client.PostAsync(form.GetAttribute("action"), multipart);
    }

    /// <summary>Uploads, checks the preview page, and confirms it.</summary>
    public static async Task<IDocument> ImportAsync(this HttpClient client, int reviewId, string fileName, byte[] content)
    {
        var preview = await HttpClientExtensions.ParseAsync(await client.UploadAsync(reviewId, fileName, content));
        preview.QuerySelector("h1")!.TextContent.ShouldBe("Check the action plan before importing it", preview.QuerySelector(".govuk-error-summary")?.TextContent);
        var confirmed = await client.SubmitFormAsync(preview, [], $"main form[action$='/plan/import/confirm']");
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirmed.Headers.Location!.OriginalString.ShouldBe($"/reviews/{reviewId}/plan");
        return preview;
    }

    /// <summary>A review's plan in document order, every field the spreadsheet carries, for comparing two plans.</summary>
    public static Task<List<string>> PlanLinesAsync(this ScrutinyAppFactory app, int reviewId) => app.WithDbAsync(async (ScrutinyDbContext db) =>
    {
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => r.ReviewId == reviewId).OrderBy(r => r.Position)
            .Select(r => new
            {
                r.Number,
                r.Text,
                Parts = r.Parts.OrderBy(p => p.Position).Select(p => new { p.Id, p.Letter, p.Text }).ToList(),
                Actions = r.Actions.OrderBy(a => a.Position).Select(a => new { a.PartId, a.Heading, a.Responsibility, a.TargetDate, a.DueMonth, a.AgreedAction, a.SuccessMeasure }).ToList(),
            })
            .ToListAsync();
        var lines = new List<string>();
        foreach (var r in recommendations)
        {
            lines.Add($"Recommendation {r.Number}: {r.Text}");
            lines.AddRange(r.Actions.Where(a => a.PartId == null).Select(a => $"  action {a.Heading} | {a.Responsibility} | {a.TargetDate} | {a.DueMonth} | {a.AgreedAction} | {a.SuccessMeasure}"));
            foreach (var p in r.Parts)
            {
                lines.Add($"  part {p.Letter}) {p.Text}");
                lines.AddRange(r.Actions.Where(a => a.PartId == p.Id).Select(a => $"    action {a.Heading} | {a.Responsibility} | {a.TargetDate} | {a.DueMonth} | {a.AgreedAction} | {a.SuccessMeasure}"));
            }
        }

        return lines;
    });
}
