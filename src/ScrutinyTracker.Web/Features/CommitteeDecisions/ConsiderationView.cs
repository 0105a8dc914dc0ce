using Microsoft.AspNetCore.Mvc.Rendering;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.CommitteeDecisions;

/// <summary>A round as the committee considers it: its updates in document order and any decisions already recorded.</summary>
public sealed record ConsiderationView(
    int RoundId,
    int ReviewId,
    string ReviewTitle,
    string Label,
    RoundStatus Status,
    bool ReviewLocked,
    string? LaterRound,
    bool IsRecorded,
    DateOnly? MeetingDate,
    int SelectCommitteeId,
    string? MinuteReference,
    Guid Version,
    IReadOnlyList<SelectListItem> Committees,
    IReadOnlyList<ConsideredUpdate> Items,
    DateOnly Today)
{
    public string? RefusedBecause => Status == RoundStatus.Open
        ? $"The {Label} round is still open. Close it once every update is accepted, then record the committee's decisions."
        : ReviewLocked
            ? $"Monitoring of {ReviewTitle} has ended, so the committee's decisions can no longer be changed."
            : LaterRound is not null
                ? $"The {LaterRound} round has been opened since, so the committee's decisions on the {Label} round can no longer be changed."
                : Items.Count == 0
                    ? $"The {Label} round has no updates for the committee to consider."
                    : null;
}

/// <summary>One action's accepted update, with the committee's decision on it if recorded.</summary>
public sealed record ConsideredUpdate(
    int UpdateId,
    int PlanActionId,
    string Name,
    Grade? Grade,
    string Evidence,
    string? Explanation,
    CommitteeOutcome? Outcome,
    Grade? CommitteeGrade,
    string? Reason);
