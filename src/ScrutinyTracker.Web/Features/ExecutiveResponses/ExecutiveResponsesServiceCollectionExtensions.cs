namespace ScrutinyTracker.Web.Features.ExecutiveResponses;

public static class ExecutiveResponsesServiceCollectionExtensions
{
    /// <summary>Recording and reading the Executive's responses to a review's recommendations.</summary>
    public static IServiceCollection AddScrutinyExecutiveResponses(this IServiceCollection services)
    {
        services.AddScoped<ExecutiveResponsesQuery>();
        services.AddScoped<ExecutiveResponseRecording>();
        return services;
    }
}
