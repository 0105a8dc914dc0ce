using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.AspNetCore.Mvc.Razor;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Infrastructure.Text;

namespace ScrutinyTracker.Web.Infrastructure.Web;

public static class MvcServiceCollectionExtensions
{
    public static IServiceCollection AddScrutinyMvc(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddControllersWithViews(options =>
        {
            options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            options.Filters.Add(new Forms.ExpiredFormFilter());
            options.Filters.Add(new Security.MustChangePasswordFilter());
            // FluentValidation validators say what is required, in GOV.UK words; without this MVC adds
            // "The Title field is required." for every non-nullable string, on the server and in data-val.
            options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;

            // Values a form could not have sent get the field's own message; text with control
            // characters comes back without them; an unreadable Version is a change made meanwhile.
            options.ModelMetadataDetailsProviders.Add(new GovukBindingMessages());
            GovukBindingMessages.Apply(options.ModelBindingMessageProvider);
            var simpleTypes = options.ModelBinderProviders.IndexOf(options.ModelBinderProviders.OfType<SimpleTypeModelBinderProvider>().Single());
            options.ModelBinderProviders.Insert(simpleTypes, new ControlCharacterModelBinderProvider());
            options.ModelBinderProviders.Insert(simpleTypes, new VersionModelBinderProvider());
            options.Filters.Add(new IgnoreUnreadableQueryValuesFilter());
        });

        // Feature folders: a use case's controller, view models and views sit together.
        services.Configure<RazorViewEngineOptions>(options =>
        {
            options.ViewLocationFormats.Clear();
            options.ViewLocationFormats.Add("/Features/{1}/Views/{0}.cshtml");
            options.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
        });

        services.AddFluentValidationAutoValidation();
        services.AddFluentValidationClientsideAdapters();
        services.AddValidatorsFromAssemblyContaining<Program>();

        services.AddOptions<Features.Shared.PagingOptions>()
            .BindConfiguration(Features.Shared.PagingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddHealthChecks().AddDbContextCheck<ScrutinyDbContext>("database");
        return services;
    }
}
