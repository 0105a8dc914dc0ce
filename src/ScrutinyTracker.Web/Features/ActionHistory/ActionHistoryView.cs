using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.ActionHistory;

public sealed record ActionHistoryView(
    int ActionId,
    int ReviewId,
    string ReviewTitle,
    string ActionName,
    string AgreedAction,
    IReadOnlyList<HistoryRow> Rows,
    int Page,
    int Pages);

/// <summary>One changed field: "Marc Stephenson changed the March 2020 update's Assessment of Progress from 2 – On-Track to 3 – Slipped".</summary>
public sealed record HistoryRow(DateTime AtUtc, string ChangedBy, string What, AuditKind Kind, string Field, string OldValue, string NewValue);
