using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.ExecutiveResponses;

/// <summary>
/// Records the Executive's responses, all or nothing. A response can change until monitoring of its
/// recommendation starts (an action of it gets an update); a change someone else saved meanwhile is
/// refused, with the form kept as typed.
/// </summary>
public sealed class ExecutiveResponseRecording(ScrutinyDbContext db, IValidator<ResponseAnswers> validator, ReviewAccess access, TimeProvider clock)
{
    public static string Key(int recommendationId, string field) => $"{nameof(ExecutiveResponsesForm.Responses)}[{recommendationId}].{field}";

    /// <returns>How many responses were recorded or changed; null when refused (see the model state).</returns>
    public async Task<int?> SaveAsync(ExecutiveResponsesView view, ExecutiveResponsesForm form, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var shown = view.Recommendations.ToDictionary(r => r.Id);
        if (view.ReviewLocked)
        {
            modelState.AddModelError("", $"Monitoring of {view.Title} has ended, so its Executive responses can no longer be changed");
            return null;
        }

        var ids = form.Responses.Keys.Where(shown.ContainsKey).ToList();
        var recommendations = await db.Recommendations.Include(r => r.ExecutiveResponse)
            .Where(r => r.ReviewId == view.ReviewId && ids.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        // The page shows the latest decision's date; a different one posted corrects the responses given
        // that date (those whose monitoring has not started), even where nothing else of them changed.
        var correctedDate = form.DecidedOn.Date is { } posted && view.LatestDecision is { } latest && posted != latest ? latest : (DateOnly?)null;
        var changed = ids.Where(id => Differs(recommendations[id].ExecutiveResponse, form.Responses[id])
            || (correctedDate is { } old && recommendations[id].ExecutiveResponse?.DecidedOn == old && !shown[id].MonitoringStarted)).ToList();
        foreach (var id in changed)
        {
            Check(shown[id], recommendations[id].ExecutiveResponse, form.Responses[id], modelState);
        }

        if (changed.Any(id => form.Responses[id].Decision is not null) && form.DecidedOn.Date is null)
        {
            modelState.AddModelError("DecidedOn.Day", form.DecidedOn.IsEmpty
                ? "Enter the date of the Executive's decision"
                : "The date of the Executive's decision must be a real date, for example 12 4 2019");
        }

        if (!modelState.IsValid)
        {
            return null;
        }

        foreach (var id in changed)
        {
            Apply(recommendations[id], form.Responses[id], form.DecidedOn.Date);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return changed.Count;
        }
        catch (DbUpdateConcurrencyException)
        {
            modelState.AddModelError("", "Someone else changed these responses while you were editing them. Nothing was saved: check the responses below and save again.");
            return null;
        }
    }

    private void Check(RecommendationResponse shown, ExecutiveResponse? stored, ResponseForm form, ModelStateDictionary modelState)
    {
        var key = Key(shown.Id, nameof(ResponseForm.Decision));
        if (shown.MonitoringStarted)
        {
            modelState.AddModelError(key, $"Recommendation {shown.Number} is being monitored, so the Executive's response to it can no longer be changed");
        }
        else if ((stored?.Version ?? Guid.Empty) != form.Version)
        {
            modelState.AddModelError(key, $"Someone else changed the response to recommendation {shown.Number} while you were editing it. Check it and save again");
        }
        else if (form.Decision is not null)
        {
            foreach (var error in validator.Validate(new ResponseAnswers(shown.Number, form)).Errors)
            {
                modelState.AddModelError(Key(shown.Id, error.PropertyName.Replace("Form.", "", StringComparison.Ordinal)), error.ErrorMessage);
            }
        }
    }

    private void Apply(Recommendation recommendation, ResponseForm form, DateOnly? decidedOn)
    {
        if (form.Decision is not { } decision)
        {
            db.ExecutiveResponses.Remove(recommendation.ExecutiveResponse!);
            return;
        }

        var response = recommendation.ExecutiveResponse ??= new ExecutiveResponse { RecommendationId = recommendation.Id };
        if (db.Entry(response).State != EntityState.Added)
        {
            db.Entry(response).Property(r => r.Version).OriginalValue = form.Version;
        }

        response.Decision = decision;
        response.Text = string.IsNullOrWhiteSpace(form.Text) ? null : form.Text.Trim();
        response.DecidedOn = decidedOn;
        response.RecordedById = access.UserId;
        response.RecordedAtUtc = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>Only what differs from what is stored counts as a change (a form shown back unchanged is not one).</summary>
    private static bool Differs(ExecutiveResponse? stored, ResponseForm form) =>
        stored?.Decision != form.Decision
        || (stored is not null && !string.Equals(stored.Text ?? "", (form.Text ?? "").Trim(), StringComparison.Ordinal));
}
