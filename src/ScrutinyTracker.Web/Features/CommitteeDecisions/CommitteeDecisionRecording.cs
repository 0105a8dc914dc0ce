using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.CommitteeDecisions;

public enum RecordResult
{
    Saved,

    /// <summary>Refused: see the model state.</summary>
    Invalid,

    /// <summary>Someone else recorded decisions on the round meanwhile; nothing was saved.</summary>
    Conflict,
}

/// <summary>
/// Records the meeting that considered a closed round and the committee's decision on every one of its
/// updates, all or nothing. Decisions can be corrected until the next round is opened, since signing
/// off is what leaves an action out of it.
/// </summary>
public sealed class CommitteeDecisionRecording(ScrutinyDbContext db, IValidator<DecisionAnswers> validator, ReviewAccess access, TimeProvider clock)
{
    public async Task<RecordResult> SaveAsync(ConsiderationView view, ConsiderationForm form, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        Check(view, form, modelState);
        if (!modelState.IsValid)
        {
            return RecordResult.Invalid;
        }

        var round = await db.Rounds.Include(r => r.Consideration).SingleAsync(r => r.Id == view.RoundId, cancellationToken);
        var consideration = round.Consideration;
        if (consideration is null)
        {
            if (form.Version != Guid.Empty)
            {
                return Conflict(modelState);
            }

            consideration = new CommitteeConsideration { RoundId = round.Id };
            db.CommitteeConsiderations.Add(consideration);
        }
        else
        {
            db.Entry(consideration).Property(c => c.Version).OriginalValue = form.Version;
            // Checked even when only decisions changed, so two officers' edits exclude each other.
            db.Entry(consideration).Property(c => c.Version).IsModified = true;
        }

        consideration.MeetingDate = form.Meeting.Date;
        consideration.SelectCommitteeId = form.SelectCommitteeId!.Value;
        consideration.MinuteReference = string.IsNullOrWhiteSpace(form.MinuteReference) ? null : form.MinuteReference.Trim();
        consideration.RecordedById = access.UserId;
        consideration.RecordedAtUtc = clock.GetUtcNow().UtcDateTime;

        var ids = view.Items.Select(i => i.UpdateId).ToList();
        var decisions = await db.CommitteeDecisions.Where(d => ids.Contains(d.ProgressUpdateId)).ToDictionaryAsync(d => d.ProgressUpdateId, cancellationToken);
        foreach (var item in view.Items)
        {
            var posted = form.Decisions[item.UpdateId];
            if (!decisions.TryGetValue(item.UpdateId, out var decision))
            {
                decision = new CommitteeDecision { ProgressUpdateId = item.UpdateId };
                db.CommitteeDecisions.Add(decision);
            }

            decision.Outcome = posted.Outcome!.Value;
            decision.Grade = posted.Outcome == CommitteeOutcome.GradeChanged ? posted.Grade : null;
            decision.Reason = posted.Outcome == CommitteeOutcome.GradeChanged ? posted.Reason!.Trim() : null;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return RecordResult.Saved;
        }
        catch (DbUpdateException)
        {
            // A concurrency conflict, or a colleague recording the same round's first decisions at the same moment.
            db.ChangeTracker.Clear();
            return Conflict(modelState);
        }
    }

    private void Check(ConsiderationView view, ConsiderationForm form, ModelStateDictionary modelState)
    {
        if (view.RefusedBecause is { } refused)
        {
            modelState.AddModelError("", refused);
            return;
        }

        if (form.Meeting.Date is { } meeting && meeting > view.Today)
        {
            modelState.AddModelError("Meeting.Day", "The date of the committee meeting must be today or in the past");
        }

        if (form.SelectCommitteeId is { } committee && view.Committees.All(c => c.Value != committee.ToString()))
        {
            modelState.AddModelError(nameof(ConsiderationForm.SelectCommitteeId), "Select the committee from the list");
        }

        foreach (var item in view.Items)
        {
            var posted = form.Decisions.GetValueOrDefault(item.UpdateId) ?? new DecisionForm();
            form.Decisions[item.UpdateId] = posted;
            foreach (var error in validator.Validate(new DecisionAnswers(item.Name, item.Grade, posted)).Errors)
            {
                modelState.AddModelError(ConsiderationForm.Key(item.UpdateId, error.PropertyName.Replace("Form.", "", StringComparison.Ordinal)), error.ErrorMessage);
            }
        }
    }

    private static RecordResult Conflict(ModelStateDictionary modelState)
    {
        modelState.AddModelError("", "Someone else recorded the committee's decisions on this round while you were entering them. Nothing was saved: check their decisions on the round's report, then save again to replace them with yours.");
        return RecordResult.Conflict;
    }
}
