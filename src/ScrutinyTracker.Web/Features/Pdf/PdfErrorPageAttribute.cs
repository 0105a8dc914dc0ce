using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using ScrutinyTracker.Web.Infrastructure.Pdf;

namespace ScrutinyTracker.Web.Features.Pdf;

/// <summary>
/// Answers a download that could not be printed (no Chromium, over the time limit, or a printer that
/// kept failing) with a page
/// saying what happened and what to do, status 503, instead of an error.
/// </summary>
public sealed class PdfErrorPageAttribute : ExceptionFilterAttribute
{
    public override void OnException(ExceptionContext context)
    {
        if (context.Exception is not PdfUnavailableException)
        {
            return;
        }

        context.HttpContext.RequestServices.GetRequiredService<ILogger<PdfErrorPageAttribute>>()
            .LogError(context.Exception, "A PDF could not be printed");
        context.Result = new ViewResult
        {
            ViewName = "/Features/Pdf/Views/PdfUnavailable.cshtml",
            StatusCode = StatusCodes.Status503ServiceUnavailable,
            ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), context.ModelState) { Model = context.Exception },
        };
        context.ExceptionHandled = true;
    }
}
