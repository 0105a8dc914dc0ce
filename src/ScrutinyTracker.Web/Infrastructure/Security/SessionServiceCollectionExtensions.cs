using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ScrutinyTracker.Web.Infrastructure.Security;

public static class SessionServiceCollectionExtensions
{
    /// <summary>The session's length (<see cref="SignInSessionOptions"/>), when it ends, and where signing in returns to.</summary>
    public static IServiceCollection AddScrutinySessions(this IServiceCollection services)
    {
        services.AddOptions<SignInSessionOptions>().BindConfiguration(SignInSessionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SignInSessionOptions>>((cookie, session) => cookie.ExpireTimeSpan = session.Value.IdleTimeout);
        services.AddSingleton<SessionExpiry>();
        services.AddSingleton<ReturnUrls>();
        return services;
    }
}
