namespace ScrutinyTracker.Web.Features.Plans;

/// <summary>
/// The confirmation page for deleting a recommendation, part or action (Views/Delete.cshtml, shared by
/// their controllers). <paramref name="What"/> is "recommendation 2", "recommendation 1 a)"…;
/// <paramref name="Contents"/> says what goes with it ("its 2 parts and 5 actions").
/// </summary>
public sealed record DeleteView(int ReviewId, string ReviewTitle, string What, string Text, string? Contents, bool HasProgress)
{
    public const string ViewPath = "~/Features/Plans/Views/Delete.cshtml";

    public string? RefusedBecause => HasProgress
        ? $"You cannot delete {What} because progress has already been reported on it. Its updates belong to the review's history: to stop monitoring the review, complete it instead."
        : null;
}
