using Microsoft.AspNetCore.Mvc.Rendering;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>
/// The preview of a pending import, read again from its stored file each time: for a new review, the
/// review as <see cref="ImportedReviewBuilder"/> makes it with the link officers matched or chosen; for
/// a later round, the review's report with that round, and the matching.
/// </summary>
public sealed class ImportPreviews(PendingImports pendingImports, LinkOfficerMatching matching, LaterRoundImport laterRounds, TimeProvider clock)
{
    public async Task<ImportPreviewView?> LoadAsync(Guid importId, string userId, IReadOnlyList<string>? chosenOfficers, CancellationToken cancellationToken)
    {
        if (await pendingImports.FindAsync(importId, userId, cancellationToken) is not { } pending)
        {
            return null;
        }

        var document = WordFileCheck.Read(pending.FileName, pending.Content);
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
}
