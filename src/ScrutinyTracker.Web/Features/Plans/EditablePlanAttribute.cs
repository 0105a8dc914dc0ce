using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Plans;

/// <summary>
/// Guards every change to a review's action plan: 404 when the review in the route does not exist,
/// and a read-only page (409) once the review is completed. The review is handed to the controller.
/// </summary>
public sealed class EditablePlanAttribute() : TypeFilterAttribute(typeof(EditablePlanFilter));

public sealed class EditablePlanFilter(ScrutinyDbContext db) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var reviewId = int.TryParse(context.RouteData.Values["reviewId"] as string, out var id) ? id : 0;
        var review = await db.Reviews.AsNoTracking()
            .Where(r => r.Id == reviewId)
            .Select(r => new PlanReview(r.Id, r.Title, r.Status))
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (review is null || context.Controller is not PlanEditingController controller)
        {
            context.Result = new NotFoundResult();
        }
        else if (review.Status == ReviewStatus.Completed)
        {
            var result = controller.View("~/Features/Plans/Views/ReadOnly.cshtml", review);
            result.StatusCode = StatusCodes.Status409Conflict;
            context.Result = result;
        }
        else
        {
            controller.Review = review;
            await next();
        }
    }
}

/// <summary>The review whose plan is being changed.</summary>
public sealed record PlanReview(int Id, string Title, ReviewStatus Status)
{
    public string PlanUrl => $"/reviews/{Id}/plan";
}

/// <summary>A controller that changes a review's action plan; <see cref="EditablePlanAttribute"/> guards it.</summary>
[EditablePlan]
public abstract class PlanEditingController : Controller
{
    /// <summary>Set by <see cref="EditablePlanFilter"/> before any action runs.</summary>
    public PlanReview Review { get; set; } = default!;

    /// <summary>Back to the plan, at the recommendation or part just changed.</summary>
    protected IActionResult RedirectToPlan(string anchor) => Redirect($"{Review.PlanUrl}#{anchor}");

    /// <summary>
    /// Two officers changing the same plan at the same moment (both adding recommendation 5, or moving the
    /// same part) make the database refuse one change. That officer gets a page saying so instead of an
    /// error page; nothing half-done was saved, as each change is one save or one transaction.
    /// </summary>
    public override void OnActionExecuted(ActionExecutedContext context)
    {
        if (context.Exception is DbUpdateException && !context.ExceptionHandled)
        {
            ViewData.Model = Review;
            context.Result = new ViewResult { ViewName = ConflictViewPath, ViewData = ViewData, StatusCode = StatusCodes.Status409Conflict };
            context.ExceptionHandled = true;
        }
    }

    private const string ConflictViewPath = "~/Features/Plans/Views/Conflict.cshtml";

    protected IActionResult DeleteView(DeleteView view)
    {
        if (view.HasProgress && HttpMethods.IsPost(Request.Method))
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return View(Plans.DeleteView.ViewPath, view);
    }
}
