using Microsoft.Extensions.Options;

namespace ScrutinyTracker.Web.Infrastructure.Council;

public static class CouncilServiceCollectionExtensions
{
    /// <summary>The council's identity (Council:Name, Council:ContactEmail, Council:LogoPath), checked when the app starts.</summary>
    public static IServiceCollection AddScrutinyCouncil(this IServiceCollection services)
    {
        services.AddOptions<CouncilOptions>()
            .BindConfiguration(CouncilOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CouncilOptions>, LogoValidation>();
        services.AddSingleton<CouncilLogo>();
        return services;
    }

    private sealed class LogoValidation(IWebHostEnvironment environment) : IValidateOptions<CouncilOptions>
    {
        public ValidateOptionsResult Validate(string? name, CouncilOptions options) =>
            CouncilLogo.Problem(options.LogoPath, environment.WebRootFileProvider) is { } problem
                ? ValidateOptionsResult.Fail(problem)
                : ValidateOptionsResult.Success;
    }
}
