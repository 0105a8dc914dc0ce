using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MimeKit;
using ScrutinyTracker.Web.Infrastructure.Email;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Emails;

/// <summary>In Development, with no mail server, the e-mails written to the folder (Email:Folder), so the demo shows them.</summary>
[Authorize(Policy = Policies.ManageUsers)]
[Route("emails/folder")]
public sealed partial class MailFolderController(EmailSettings settings, FolderTransport folder) : Controller
{
    private const int Shown = 100;

    [HttpGet("")]
    public async Task<IActionResult> Folder(CancellationToken cancellationToken)
    {
        if (settings.Provider != EmailProvider.Folder)
        {
            return NotFound();
        }

        var files = Directory.Exists(folder.FolderPath)
            ? new DirectoryInfo(folder.FolderPath).GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).Take(Shown).ToList()
            : [];
        var items = new List<FolderEmail>();
        foreach (var file in files)
        {
            var message = await MimeMessage.LoadAsync(file.FullName, cancellationToken);
            items.Add(new FolderEmail(file.Name, message.Subject ?? "", message.To.ToString(), message.Cc.ToString(), message.Date.UtcDateTime, message.TextBody ?? ""));
        }

        return View("/Features/Emails/Views/Folder.cshtml", new MailFolderView(folder.FolderPath, items));
    }

    [HttpGet("{fileName}")]
    public async Task<IActionResult> Message(string fileName, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder.FolderPath, fileName);
        if (settings.Provider != EmailProvider.Folder || !FileNamePattern().IsMatch(fileName) || !System.IO.File.Exists(path))
        {
            return NotFound();
        }

        var message = await MimeMessage.LoadAsync(path, cancellationToken);
        return View("/Features/Emails/Views/Message.cshtml", new FolderEmail(fileName, message.Subject ?? "", message.To.ToString(), message.Cc.ToString(), message.Date.UtcDateTime, message.TextBody ?? ""));
    }

    // Only names the folder transport writes: no path can reach outside the folder.
    [GeneratedRegex("^[0-9a-f]{32}\\.eml$")]
    private static partial Regex FileNamePattern();
}

public sealed record FolderEmail(string FileName, string Subject, string To, string Cc, DateTime DateUtc, string Text);

public sealed record MailFolderView(string FolderPath, IReadOnlyList<FolderEmail> Messages);
