namespace ScrutinyTracker.Web.Features.CommitteeDecisions;

public static class CommitteeDecisionsServiceCollectionExtensions
{
    /// <summary>Recording the Select Committee's consideration of a round and its decisions.</summary>
    public static IServiceCollection AddScrutinyCommitteeDecisions(this IServiceCollection services)
    {
        services.AddScoped<ConsiderationQuery>();
        services.AddScoped<CommitteeDecisionRecording>();
        return services;
    }
}
