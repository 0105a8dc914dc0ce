using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ScrutinyTracker.Web.Features.Shared.TagHelpers;

/// <summary>
/// A form field of an object the page holds, under the name the form posts: the <c>field</c> attribute of
/// our GOV.UK field tag helpers. Made from the property's metadata, so no expression is compiled (issue 17:
/// the round form compiled 12 lambdas a request for 4 actions).
/// </summary>
public sealed record ModelField(ModelExpression Expression)
{
    /// <param name="name">The posted name, e.g. "Updates[17].Evidence".</param>
    public static ModelField Of<TContainer>(IModelMetadataProvider metadata, TContainer container, string name, string property)
    {
        var explorer = new ModelExplorer(metadata, metadata.GetMetadataForType(typeof(TContainer)), container).GetExplorerForProperty(property)
            ?? throw new ArgumentException($"{typeof(TContainer).Name} has no property {property}.", nameof(property));
        return new ModelField(new ModelExpression(name, explorer));
    }
}
