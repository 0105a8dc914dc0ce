using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Security;
using ScrutinyTracker.Web.Infrastructure.Text;

namespace ScrutinyTracker.Web.Features.Updates;

public enum EditResult
{
    /// <summary>An update posted is not part of the round.</summary>
    NotFound,

    /// <summary>Nothing was saved: see the errors and conflicts.</summary>
    Refused,
    Saved,

    /// <summary>The answers were saved as drafts, but the round is not complete enough to submit.</summary>
    SavedButNotSubmitted,
    Submitted,
}

/// <summary>An error to show against a field of the round form ("Updates[17].Evidence"), or the whole form ("").</summary>
public sealed record FieldError(string Key, string Message);

/// <param name="Versions">After a save, the posted updates' new versions, for a form that stays on the page.</param>
public sealed record EditOutcome(EditResult Result, IReadOnlyList<FieldError> Errors, IReadOnlySet<int> Conflicts, IReadOnlyDictionary<int, Guid>? Versions = null)
{
    public static EditOutcome NotFound { get; } = new(EditResult.NotFound, [], new HashSet<int>());
}

/// <summary>
/// Saves the answers posted from a round form and submits the round. A save is all or nothing: if one
/// action's answers are refused (too long, locked, or saved by someone else meanwhile) nothing is
/// saved and the form is shown again with everything the user typed.
/// </summary>
public sealed class RoundUpdatesEditor(ScrutinyDbContext db, IValidator<UpdateAnswers> validator, ReviewAccess access, TimeProvider clock)
{
    public static string Key(int updateId, string field) => $"{nameof(RoundForm.Updates)}[{updateId}].{field}";

    /// <summary>An error about an action as a whole; the error summary links to the action ("#action-17").</summary>
    public static string ActionKey(int updateId) => $"action-{updateId}";

    public async Task<EditOutcome> SaveAsync(RoundHeader round, IReadOnlyDictionary<int, UpdateForm> posted, bool submit, CancellationToken cancellationToken)
    {
        var updates = await db.ProgressUpdates.Where(u => u.RoundId == round.Id).ToDictionaryAsync(u => u.Id, cancellationToken);
        if (posted.Keys.Any(id => !updates.ContainsKey(id)))
        {
            return EditOutcome.NotFound;
        }

        var actionNames = await db.ProgressUpdates.Where(u => u.RoundId == round.Id).Select(u => u.PlanAction!).NamesAsync(cancellationToken);
        var names = updates.Values.ToDictionary(u => u.Id, u => actionNames[u.PlanActionId]);
        var errors = new List<FieldError>();
        var conflicts = new HashSet<int>();
        foreach (var (id, form) in posted)
        {
            Apply(updates[id], names[id], form, errors, conflicts);
        }

        if (errors.Count > 0)
        {
            return new EditOutcome(EditResult.Refused, errors, conflicts);
        }

        if (submit)
        {
            Submit(round, updates.Values, names, errors);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            var raced = exception.Entries.Select(e => e.Entity).OfType<ProgressUpdate>().ToList();
            return new EditOutcome(EditResult.Refused, raced.Select(u => ConflictError(u.Id, names[u.Id])).ToList(), raced.Select(u => u.Id).ToHashSet());
        }

        var result = !submit ? EditResult.Saved : errors.Count > 0 ? EditResult.SavedButNotSubmitted : EditResult.Submitted;
        return new EditOutcome(result, errors, conflicts, posted.Keys.ToDictionary(id => id, id => updates[id].Version));
    }

    private void Apply(ProgressUpdate update, string name, UpdateForm form, List<FieldError> errors, HashSet<int> conflicts)
    {
        if (SameText(update.Evidence, form.Evidence) && update.Grade == form.Grade && SameText(update.Explanation, form.Explanation)
            && SameText(update.ExpectedBy?.ToString(), SlippedOnly(form, form.ExpectedBy)?.Trim()) && SameText(update.DelayReason, SlippedOnly(form, form.DelayReason)))
        {
            return;
        }

        if (!UpdateLocking.IsOpenForEditing(update.Status))
        {
            var state = update.Status == UpdateStatus.Accepted ? "accepted" : "submitted";
            errors.Add(new FieldError(ActionKey(update.Id), $"{name} was {state} while you had this page open, so your answers to it were not saved"));
            return;
        }

        if (update.Version != form.Version)
        {
            conflicts.Add(update.Id);
            errors.Add(ConflictError(update.Id, name));
            return;
        }

        var answers = new UpdateAnswers(name, form.Evidence, form.Grade, form.Explanation, SlippedOnly(form, form.ExpectedBy), SlippedOnly(form, form.DelayReason));
        var validation = validator.Validate(answers);
        if (!validation.IsValid)
        {
            errors.AddRange(validation.Errors.Select(e => new FieldError(Key(update.Id, e.PropertyName), e.ErrorMessage)));
            return;
        }

        // Stored exactly as typed: no trimming, line breaks kept.
        update.Evidence = form.Evidence ?? "";
        update.Grade = form.Grade;
        update.Explanation = string.IsNullOrEmpty(form.Explanation) ? null : form.Explanation;
        update.ExpectedBy = YearMonth.TryParse(SlippedOnly(form, form.ExpectedBy), out var expectedBy) ? expectedBy : null;
        update.DelayReason = SlippedOnly(form, form.DelayReason) is { Length: > 0 } delay ? delay : null;
        update.UpdatedById = access.UserId;
        update.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        db.Entry(update).Property(u => u.Version).OriginalValue = form.Version;
    }

    /// <summary>Sends every draft and returned update to the scrutiny officer, once all of them are complete.</summary>
    private void Submit(RoundHeader round, IEnumerable<ProgressUpdate> updates, Dictionary<int, string> names, List<FieldError> errors)
    {
        var waiting = updates.Where(u => UpdateLocking.IsOpenForEditing(u.Status)).ToList();
        if (waiting.Count == 0)
        {
            errors.Add(new FieldError("", $"All the {round.Label} updates have already been submitted"));
            return;
        }

        foreach (var update in waiting)
        {
            var answers = new UpdateAnswers(names[update.Id], update.Evidence, update.Grade, update.Explanation);
            var validation = validator.Validate(answers, o => o.IncludeRulesNotInRuleSet().IncludeRuleSets(UpdateAnswersValidator.Submission));
            errors.AddRange(validation.Errors.Select(e => new FieldError(Key(update.Id, e.PropertyName), e.ErrorMessage)));
        }

        if (errors.Count > 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var update in waiting)
        {
            update.Status = UpdateStatus.Submitted;
            update.SubmittedById = access.UserId;
            update.SubmittedAtUtc = now;
        }
    }

    /// <summary>The revised date and reason for the delay belong to a Slipped grade; with any other they are not kept.</summary>
    private static string? SlippedOnly(UpdateForm form, string? value) => form.Grade == Grade.Slipped ? value : null;

    private static FieldError ConflictError(int updateId, string name) => new(
        Key(updateId, nameof(UpdateForm.Evidence)),
        $"Someone else saved {name} while you were editing it. Compare their answers with yours, then save again to keep yours");

    /// <summary>Browsers post line breaks as CR LF; text shown back unchanged must not count as a change.</summary>
    private static bool SameText(string? stored, string? posted) =>
        string.Equals(
            TypedText.NormaliseLineBreaks(stored ?? ""),
            TypedText.NormaliseLineBreaks(posted ?? ""),
            StringComparison.Ordinal);
}
