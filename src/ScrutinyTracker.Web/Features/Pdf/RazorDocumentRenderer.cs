using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ScrutinyTracker.Web.Features.Pdf;

/// <summary>Renders a Razor view to an HTML string (for printing) instead of to the response.</summary>
public sealed class RazorDocumentRenderer(IRazorViewEngine viewEngine, ITempDataProvider tempDataProvider, IModelMetadataProvider metadataProvider)
{
    /// <param name="context">The current action's context, so the view resolves, links and encodes as on a page.</param>
    /// <param name="viewName">A view name found as the controller's own views are, or an app-relative path.</param>
    public async Task<string> RenderAsync<TModel>(ActionContext context, string viewName, TModel model)
    {
        var view = FindView(context, viewName);
        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<TModel>(metadataProvider, new ModelStateDictionary()) { Model = model };
        var tempData = new TempDataDictionary(context.HttpContext, tempDataProvider);
        var viewContext = new ViewContext(context, view, viewData, tempData, writer, new HtmlHelperOptions());
        await view.RenderAsync(viewContext);
        return writer.ToString();
    }

    private IView FindView(ActionContext context, string viewName)
    {
        var found = viewName.StartsWith('/') || viewName.StartsWith('~')
            ? viewEngine.GetView(executingFilePath: null, viewName, isMainPage: true)
            : viewEngine.FindView(context, viewName, isMainPage: true);
        return found.Success
            ? found.View
            : throw new InvalidOperationException($"The view '{viewName}' was not found; looked in {string.Join(", ", found.SearchedLocations)}.");
    }
}
