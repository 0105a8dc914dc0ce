using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>
/// Uploaded documents waiting for their confirmation (<see cref="PendingImport"/>): kept for their owner
/// only, for <see cref="PendingImport.Lifetime"/>. Expired ones are deleted whenever a new one is kept.
/// </summary>
public sealed class PendingImports(ScrutinyDbContext db, TimeProvider clock)
{
    public async Task<PendingImport> KeepAsync(string ownerId, string fileName, byte[] content, int? selectCommitteeId, int? reviewId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.PendingImports.Where(p => p.ExpiresAtUtc <= now).ExecuteDeleteAsync(cancellationToken);
        var pending = new PendingImport
        {
            Id = Guid.NewGuid(),
            OwnerId = ownerId,
            FileName = fileName,
            Content = content,
            SelectCommitteeId = selectCommitteeId,
            ReviewId = reviewId,
            CreatedAtUtc = now,
            ExpiresAtUtc = now + PendingImport.Lifetime,
        };
        db.PendingImports.Add(pending);
        await db.SaveChangesAsync(cancellationToken);
        return pending;
    }

    /// <summary>The owner's import, unless it expired; another user's is never found.</summary>
    public Task<PendingImport?> FindAsync(Guid id, string ownerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.PendingImports.AsNoTracking()
            .Include(p => p.SelectCommittee)
            .Include(p => p.Review)
            .SingleOrDefaultAsync(p => p.Id == id && p.OwnerId == ownerId && p.ExpiresAtUtc > now, cancellationToken);
    }

    public Task<int> DeleteAsync(Guid id, string ownerId, CancellationToken cancellationToken) =>
        db.PendingImports.Where(p => p.Id == id && p.OwnerId == ownerId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>A file name without any folder a browser may send, cut to the length kept.</summary>
    public static string SafeFileName(string? name)
    {
        var file = Path.GetFileName((name ?? "").Replace('\\', '/').Split('/').Last()).Trim();
        file = new string(file.Where(c => !char.IsControl(c)).ToArray());
        if (file.Length == 0)
        {
            return "document.docx";
        }

        return file.Length <= PendingImport.FileNameMaxLength ? file : file[^PendingImport.FileNameMaxLength..];
    }
}
