using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace ScrutinyTracker.Web.Infrastructure.Forms;

/// <summary>
/// Marks a post refused for its antiforgery token, so that the 400 page re-executed for it says the page
/// had expired and how to get the text back, rather than "there is a problem with the service".
/// </summary>
public sealed class ExpiredFormFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.HttpContext.Features.Set(new UnreadableFormFeature(UnreadableFormReason.Expired));
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
