using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;

namespace ScrutinyTracker.Tests.Features.Imports;

/// <summary>Files that are not a plain Word document get a clear message on the upload page, and change nothing.</summary>
public sealed class BadFileTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    [Fact]
    public async Task A_file_that_is_not_a_Word_document_is_refused() =>
        (await RefusedAsync("minutes.docx", Encoding.UTF8.GetBytes("Minutes of the meeting"))).ShouldContain("minutes.docx is not a Word document");

    [Fact]
    public async Task A_PDF_is_refused() =>
        (await RefusedAsync("report.pdf", Encoding.ASCII.GetBytes("%PDF-1.7 ..."), "application/pdf")).ShouldContain("report.pdf is not a Word document");

    [Fact]
    public async Task An_old_doc_file_is_refused_asking_for_docx()
    {
        var doc = OleSignature.Concat(new byte[4096]).Concat(Encoding.Unicode.GetBytes("WordDocument")).ToArray();
        (await RefusedAsync("hate-crime.doc", doc, "application/msword")).ShouldContain("save it as a Word Document (.docx)");
        (await RefusedAsync("renamed.docx", doc)).ShouldContain("older Word 97–2003 document (.doc)");
    }

    [Fact]
    public async Task A_macro_enabled_document_is_refused_by_its_name_and_by_its_content()
    {
        var macro = MacroEnabled();
        (await RefusedAsync("plan.docm", macro)).ShouldContain("macro-enabled Word document (.docm)");
        (await RefusedAsync("plan.docx", macro)).ShouldContain("macro-enabled Word document (.docm)");
    }

    /// <summary>
    /// Word saves a password-protected .docx as an OLE compound file holding "EncryptionInfo" and
    /// "EncryptedPackage" streams. This is the start of one with those directory names; no tool here
    /// writes a real encrypted file, and the check reads no more than this.
    /// </summary>
    [Fact]
    public async Task A_password_protected_document_is_refused_asking_to_remove_the_password()
    {
        var encrypted = OleSignature.Concat(new byte[504]).Concat(Encoding.Unicode.GetBytes("EncryptionInfo"))
            .Concat(new byte[114]).Concat(Encoding.Unicode.GetBytes("EncryptedPackage")).Concat(new byte[4096]).ToArray();
        (await RefusedAsync("protected.docx", encrypted)).ShouldContain("protected by a password");
    }

    [Fact]
    public async Task A_file_over_20_MB_is_refused()
    {
        var large = new byte[Web.Domain.PendingImport.MaxBytes + 1];
        ZipSignature().CopyTo(large, 0);
        (await RefusedAsync("large.docx", large)).ShouldContain("larger than 20 MB");
    }

    [Fact]
    public async Task An_upload_far_over_20_MB_is_not_read_and_the_page_says_how_large_a_document_may_be()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var page = await client.GetDocumentAsync("/imports/word");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/imports/word")
        {
            Content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(new byte[23 * 1024 * 1024]), "Document", "huge.docx" } },
        };
        request.Headers.Referrer = new Uri("http://localhost/imports/word");
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("A Word document to import can be at most 20 MB");
        (await app.WithDbAsync(db => db.PendingImports.CountAsync(p => p.FileName == "huge.docx"))).ShouldBe(0);
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_before_it_is_opened_by_its_unpacked_size()
    {
        var bomb = Zip(zip =>
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 210; i++)
            {
                entry.Write(zeros);
            }
        });
        bomb.Length.ShouldBeLessThan(1024 * 1024);
        (await RefusedAsync("bomb.docx", bomb)).ShouldContain("unpacks to more than 200 MB");
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_before_it_is_opened_by_its_number_of_entries()
    {
        var bomb = Zip(zip =>
        {
            for (var i = 0; i < 1001; i++)
            {
                zip.CreateEntry($"word/media/{i}.bin");
            }
        });
        (await RefusedAsync("many.docx", bomb)).ShouldContain("1,000 parts");
    }

    [Fact]
    public async Task A_document_with_no_recognisable_recommendation_is_refused()
    {
        var document = new TestDocument().HeaderLines().Paragraph("Our recommendations are in the appendix.").ToBytes();
        (await RefusedAsync("no-recommendations.docx", document)).ShouldContain("No recommendation was found");
    }

    [Fact]
    public async Task A_damaged_zip_is_refused()
    {
        var damaged = new TestDocument().HeaderLines().ToBytes()[..200];
        (await RefusedAsync("damaged.docx", damaged)).ShouldContain("damaged or not a Word document");
    }

    private async Task<string> RefusedAsync(string fileName, byte[] content, string contentType = Uploads.ContentType)
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var before = await app.WithDbAsync(async db => (await db.PendingImports.CountAsync(), await db.Reviews.CountAsync(), await db.AuditEntries.CountAsync()));
        var message = await client.RefusalAsync(fileName, content, contentType);
        (await app.WithDbAsync(async db => (await db.PendingImports.CountAsync(), await db.Reviews.CountAsync(), await db.AuditEntries.CountAsync()))).ShouldBe(before);
        return message;
    }

    private static byte[] ZipSignature() => [0x50, 0x4B, 0x03, 0x04];

    private static byte[] Zip(Action<ZipArchive> write)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            write(zip);
        }

        return stream.ToArray();
    }

    private static byte[] MacroEnabled()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.MacroEnabledDocument))
        {
            word.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("Recommendation 1: That macros run.")))));
        }

        return stream.ToArray();
    }
}
