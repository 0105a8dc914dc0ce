using Microsoft.AspNetCore.Mvc.Rendering;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Updates;

/// <summary>
/// The round form page. <see cref="Updates"/> holds the answers to show for each action that can be
/// edited, under the names the form posts ("Updates[17].Evidence").
/// </summary>
public sealed class RoundFormPage
{
    public required RoundHeader Round { get; init; }
    public required IReadOnlyList<UpdateItem> Items { get; init; }
    public required Dictionary<int, UpdateForm> Updates { get; init; }

    /// <summary>Updates someone else saved while this user was editing them: their answers are shown beside the form.</summary>
    public IReadOnlySet<int> Conflicts { get; init; } = new HashSet<int>();

    /// <summary>The answers shown are a refused post's, not what is stored (the browser's kept copy must stay).</summary>
    public bool ShowsPosted { get; init; }

    /// <summary>The action saved just before this page was shown, and when ("14:02").</summary>
    public (int UpdateId, string At)? Saved { get; set; }

    public static IReadOnlyList<SelectListItem> GradeItems { get; } =
        GradeText.All.Select(g => new SelectListItem(g.NumberAndLabel(), ((int)g).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    /// <summary>
    /// Builds the page from the stored updates, showing what was posted where there was a post. Where
    /// someone else saved meanwhile, the form carries their version, so saving again keeps the user's answers.
    /// </summary>
    public static RoundFormPage Build(RoundHeader round, IReadOnlyList<UpdateItem> items, IReadOnlyDictionary<int, UpdateForm>? posted = null, IReadOnlySet<int>? conflicts = null)
    {
        conflicts ??= new HashSet<int>();
        var updates = new Dictionary<int, UpdateForm>();
        foreach (var item in items)
        {
            if (posted?.GetValueOrDefault(item.Id) is { } form)
            {
                updates[item.Id] = new UpdateForm
                {
                    Evidence = form.Evidence,
                    Grade = form.Grade,
                    Explanation = form.Explanation,
                    ExpectedBy = form.ExpectedBy,
                    DelayReason = form.DelayReason,
                    Version = conflicts.Contains(item.Id) ? item.Version : form.Version,
                };
            }
            else if (item.IsEditable)
            {
                updates[item.Id] = new UpdateForm
                {
                    Evidence = item.Evidence,
                    Grade = item.Grade,
                    Explanation = item.Explanation,
                    ExpectedBy = item.ExpectedBy?.ToString(),
                    DelayReason = item.DelayReason,
                    Version = item.Version,
                };
            }
        }

        return new RoundFormPage { Round = round, Items = items, Updates = updates, Conflicts = conflicts, ShowsPosted = posted is not null };
    }

    /// <summary>Field names in page order, so the error summary lists problems as they appear.</summary>
    public string[] FieldOrder() => Items
        .SelectMany(i => new[] { nameof(UpdateForm.Evidence), nameof(UpdateForm.Grade), nameof(UpdateForm.Explanation), nameof(UpdateForm.ExpectedBy), nameof(UpdateForm.DelayReason) }
            .Select(field => RoundUpdatesEditor.Key(i.Id, field))
            .Prepend(RoundUpdatesEditor.ActionKey(i.Id)))
        .ToArray();
}
