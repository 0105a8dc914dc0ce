using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Updates;

namespace ScrutinyTracker.Web.Features.ActionHistory;

/// <summary>An action's audit trail, newest first, a page at a time: six queries whatever its length.</summary>
public sealed class ActionHistoryQuery(ScrutinyDbContext db)
{
    public const int PageSize = 50;

    public async Task<ActionHistoryView?> RunAsync(int actionId, int page, CancellationToken cancellationToken)
    {
        var action = await db.PlanActions.AsNoTracking()
            .Where(a => a.Id == actionId)
            .Select(a => new
            {
                a.Recommendation!.ReviewId,
                a.Recommendation.Review!.Title,
                a.AgreedAction,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (action is null)
        {
            return null;
        }

        var name = (await db.PlanActions.Where(a => a.Id == actionId).NamesAsync(cancellationToken))[actionId];
        var entries = db.AuditEntries.AsNoTracking()
            .Where(e => e.PlanActionId == actionId
                && AuditWording.EntityTypes.Contains(e.EntityType)
                && AuditWording.ShownFields.Contains(e.Field));
        var total = await entries.CountAsync(cancellationToken);
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        page = Math.Clamp(page, 1, pages);
        var rows = await entries
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);

        var rounds = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.PlanActionId == actionId)
            .Select(u => new { u.Id, u.Round!.Label })
            .ToDictionaryAsync(u => u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u => u.Label, cancellationToken);
        var userIds = rows.Select(r => r.UserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        return new ActionHistoryView(
            actionId,
            action.ReviewId,
            action.Title,
            name,
            action.AgreedAction,
            rows.Select(e => new HistoryRow(
                e.AtUtc,
                e.UserId is not null && names.TryGetValue(e.UserId, out var name) ? name : e.UserName,
                What(e.EntityType, rounds.GetValueOrDefault(e.EntityId)),
                e.Kind,
                AuditWording.FieldName(e.EntityType, e.Field) ?? e.Field,
                AuditWording.Value(e.Field, e.OldValue),
                AuditWording.Value(e.Field, e.NewValue))).ToList(),
            page,
            pages);
    }

    /// <summary>"Action plan", "March 2020 update", "March 2020 committee decision".</summary>
    private static string What(string entityType, string? roundLabel) => entityType switch
    {
        nameof(PlanAction) => "Action plan",
        nameof(CommitteeDecision) => roundLabel is null ? "Committee decision" : $"{roundLabel} committee decision",
        _ => roundLabel is null ? "Update" : $"{roundLabel} update",
    };
}
