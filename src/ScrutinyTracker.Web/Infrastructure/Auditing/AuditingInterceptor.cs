using Microsoft.EntityFrameworkCore.Diagnostics;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Infrastructure.Auditing;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every changed field of a plan, round, update, Executive response or
/// committee decision, in the same
/// transaction as the change. Keys of added rows are known only after the save, so the change is
/// saved first and its audit rows second, and both commit together. What changed is read by
/// <see cref="AuditChangeReader"/>, the review it belongs to named by <see cref="AuditSources"/>, and the
/// rows written by <see cref="AuditRowWriter"/>.
/// </summary>
public sealed class AuditingInterceptor(IHttpContextAccessor httpContextAccessor, TimeProvider clock) : SaveChangesInterceptor
{
    private readonly AuditRowWriter _writer = new(httpContextAccessor, clock);
    private List<AuditedChange>? _pending;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ScrutinyDbContext db)
        {
            AuditChangeReader.RefuseAuditEdits(db.ChangeTracker);
            _pending = AuditChangeReader.Read(db.ChangeTracker);
        }

        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Writes the audit rows in the save's transaction, so they commit or roll back with the change, and
    /// a retried save writes them once more, never twice.
    /// </summary>
    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not ScrutinyDbContext db || _pending is not { Count: > 0 } pending)
        {
            return result;
        }

        _pending = null;
        await _writer.WriteAsync(db, pending, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending = null;
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _pending = null;

    // EF reports a concurrency conflict and a cancelled save through these, not SaveChangesFailed.
    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        _pending = null;
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        _pending = null;
        return result;
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending = null;
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => _pending = null;
}
