using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Database;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>
/// Confirming an import: the review, plan and round of <see cref="ImportedReviewBuilder"/>, the record of
/// the import with the file's name (<see cref="DocumentImport"/>, audited with the rest), and the
/// pending import's deletion, in one transaction: all of it is saved, or none.
/// </summary>
public sealed class ImportConfirmation(ScrutinyDbContext db, TimeProvider clock)
{
    /// <returns>The new review's id, or null when the pending import is gone (confirmed or cancelled meanwhile).</returns>
    public Task<int?> CreateReviewAsync(PendingImport pending, ImportedDocument document, IReadOnlyList<string> linkOfficerIds, string userId, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            // Deleting first claims the import: a second confirmation of the same upload finds nothing to delete.
            if (await db.PendingImports.Where(p => p.Id == pending.Id && p.OwnerId == userId).ExecuteDeleteAsync(cancellationToken) == 0)
            {
                return (int?)null;
            }

            var importer = new ImportedReviewBuilder.Importer(userId, clock.GetUtcNow().UtcDateTime);
            var review = ImportedReviewBuilder.Build(document, pending.SelectCommitteeId!.Value, linkOfficerIds, importer);
            db.Reviews.Add(review);
            db.DocumentImports.Add(new DocumentImport
            {
                Review = review,
                Round = review.Rounds.SingleOrDefault(),
                FileName = pending.FileName,
                ImportedById = userId,
                ImportedAtUtc = importer.NowUtc,
            });
            await db.SaveChangesAsync(cancellationToken);
            return review.Id;
        }, id => id is not null, cancellationToken);
}
