using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ScrutinyTracker.Web.Infrastructure.Web;

/// <summary>
/// Binds the <c>Version</c> a form carries (<see cref="Domain.IVersioned"/>).
/// A version that cannot be read binds as <see cref="Guid.Empty"/>, which matches no stored version:
/// the save is then refused as a change made meanwhile, with that form's own message, what was typed
/// kept and the current version put in the form so that saving again works. MVC would instead show
/// "The value 'x' is not valid" and post the unreadable version back for ever.
/// </summary>
public sealed class VersionModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        var version = Guid.TryParse(value.FirstValue, out var parsed) ? parsed : Guid.Empty;
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, version.ToString(), version.ToString());
        bindingContext.Result = ModelBindingResult.Success(version);
        return Task.CompletedTask;
    }
}

public sealed class VersionModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata is { ModelType: var type, PropertyName: nameof(Domain.IVersioned.Version) } && type == typeof(Guid) ? new VersionModelBinder() : null;
}
