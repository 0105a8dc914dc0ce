using ScrutinyTracker.Web.Features.ActionHistory;
using ScrutinyTracker.Web.Features.CheckUpdates;

namespace ScrutinyTracker.Web.Features.Updates;

public static class UpdatesServiceCollectionExtensions
{
    /// <summary>Progress updates: link officers' round form, scrutiny officers' checks, and each action's history.</summary>
    public static IServiceCollection AddScrutinyUpdates(this IServiceCollection services)
    {
        services.AddOptions<GradingOptions>()
            .BindConfiguration(GradingOptions.Section)
            .Validate(GradingOptions.IsValid, "Grading:ExplanationRequiredFor lists grades from 1 to 4 (e.g. [3, 4]), or nothing.")
            .ValidateOnStart();
        // One validator for the app's life (FluentValidation's are thread-safe once built), not one built with
        // its rules for every request to UpdatesController, the round form's GET among them.
        services.AddSingleton<FluentValidation.IValidator<UpdateAnswers>, UpdateAnswersValidator>();
        services.AddScoped<RoundUpdatesQuery>();
        services.AddScoped<RoundUpdatesEditor>();
        services.AddScoped<MyUpdatesQuery>();
        services.AddScoped<UpdateChecking>();
        services.AddScoped<ActionHistoryQuery>();
        return services;
    }
}
