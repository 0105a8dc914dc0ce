using Microsoft.AspNetCore.Mvc.Filters;

namespace ScrutinyTracker.Web.Infrastructure.Web;

/// <summary>
/// A page asked for with a filter or page number it cannot read (<c>/dashboard?year=abc</c>, from a
/// hand-edited or old link) is shown with that filter's default, as if it had not been given, rather
/// than as a page with errors ("Error:" in its title) that has no field to show them on.
/// </summary>
public sealed class IgnoreUnreadableQueryValuesFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            return;
        }

        foreach (var key in context.ModelState.Where(entry => entry.Value is { Errors.Count: > 0 }).Select(entry => entry.Key).ToList())
        {
            context.ModelState.Remove(key);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
