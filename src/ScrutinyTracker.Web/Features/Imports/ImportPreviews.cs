using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>
/// The preview of a pending import, read again from its stored file each time: for a new review, the
/// review as <see cref="ImportedReviewBuilder"/> makes it with the link officers matched or chosen; for
/// a later round, the review's report with that round, and the matching.
/// </summary>
public sealed class ImportPreviews(ScrutinyDbContext db, PendingImports pendingImports, LinkOfficerMatching matching, LaterRoundImport laterRounds, TimeProvider clock)
{
    public async Task<ImportPreviewView?> LoadAsync(Guid importId, string userId, IReadOnlyList<string>? chosenOfficers, CancellationToken cancellationToken)
    {
        if (await pendingImports.FindAsync(importId, userId, cancellationToken) is not { } pending)
        {
            return null;
        }

        if (ReadWord(pending) is not { } document)
        {
            return null;
        }

        if (pending.ReviewId is { } reviewId)
        {
            var later = await laterRounds.PreviewAsync(reviewId, document, cancellationToken);
            return later is null ? null : new ImportPreviewView(pending.Id, pending.FileName, document, later.Report, [.. later.Matching.Warnings, .. document.Warnings])
            {
                Pending = pending,
                Matching = later.Matching,
            };
        }

        var matches = await matching.MatchAsync(document.LinkOfficers, cancellationToken);
        var chosenIds = chosenOfficers?.ToList() ?? matches.ByDocumentName.Values.Select(o => o.Id).ToList();
        var warnings = matches.Unmatched
            .Select(name => $"The link officer “{name}” is not a user with the Link officer role: pick the review's link officers below, or give them the role on the Users page first.")
            .Concat(document.Warnings)
            .Concat(await SameTitleAsync(document.Review, cancellationToken))
            .ToList();
        var committee = pending.SelectCommittee?.Name ?? "";
        var review = document.CanBeImported
            ? ImportedReviewBuilder.Build(document, pending.SelectCommitteeId ?? 0, chosenIds, new ImportedReviewBuilder.Importer(userId, clock.GetUtcNow().UtcDateTime))
            : null;
        var names = matches.Officers.Where(o => chosenIds.Contains(o.Id)).Select(o => o.Name).ToList();
        return new ImportPreviewView(pending.Id, pending.FileName, document, review is null ? null : ImportPreview.ReportOf(review, committee, names), warnings)
        {
            Pending = pending,
            LinkOfficerIds = chosenIds,
            LinkOfficers = matches.Officers.Select(o => new SelectListItem(o.Name, o.Id, chosenIds.Contains(o.Id))).ToList(),
        };
    }

    /// <summary>The stored Word document; null for another kind of pending import (a spreadsheet plan's), which has its own pages.</summary>
    private static ImportedDocument? ReadWord(Domain.PendingImport pending)
    {
        try
        {
            return WordFileCheck.Read(pending.FileName, pending.Content);
        }
        catch (WordFileRefusedException)
        {
            return null;
        }
    }

    /// <summary>A review of the same name already here is more likely to need this document as a later round than a copy of itself.</summary>
    private async Task<IEnumerable<string>> SameTitleAsync(string? title, CancellationToken cancellationToken)
    {
        var name = title?.Trim().ToLower() ?? "";
        var exists = name.Length > 0 && await db.Reviews.AnyAsync(r => r.Title.ToLower() == name, cancellationToken);
        return exists
            ? [$"A review named {title!.Trim()} is already here: confirming creates a second one. To add this document's round to it, upload the document again and choose that review."]
            : [];
    }
}
