using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Security.Sessions;

namespace ScrutinyTracker.Web.Infrastructure.Security;

public static class IdentityServiceCollectionExtensions
{
    public static IServiceCollection AddScrutinyIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                // Length over composition rules, as the NCSC advises; StrongPasswordValidator refuses guessable ones.
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;

                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;

                // User names are email addresses, checked by EmailUserNameValidator (RFC 5321), not a character list.
                options.User.AllowedUserNameCharacters = "";
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<ScrutinyDbContext>()
            .AddSignInManager<ScrutinySignInManager>()
            .AddClaimsPrincipalFactory<ScrutinyClaimsPrincipalFactory>()
            .AddPasswordValidator<StrongPasswordValidator>()
            .AddUserValidator<EmailUserNameValidator>()
            .AddDefaultTokenProviders();

        services.AddScrutinySessionStore(environment);
        services.AddScrutinySignInLimits();

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "ScrutinyTracker.Antiforgery";
            // Plain HTTP reaches the app only on localhost (HttpsOnlyMiddleware), where browsers keep even Secure
            // cookies; SameAsRequest marks the cookie Secure on every HTTPS request instead of throwing on HTTP.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        if (configuration["DataProtection:KeysPath"] is { Length: > 0 } keysPath)
        {
            services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keysPath)).SetApplicationName("ScrutinyTracker");
        }

        services.AddAuthorization(Policies.Add);
        services.AddScoped<ReviewAccess>();
        services.AddScoped<Features.Users.CreateAdminCommand>();
        return services;
    }

    /// <summary>Sessions kept in the database and checked against the account; their length is set in SessionServiceCollectionExtensions.</summary>
    private static void AddScrutinySessionStore(this IServiceCollection services, IHostEnvironment environment)
    {
        // SessionCache and SessionEndings come with the database (AddScrutinyDatabase), whose commits they follow.
        services.AddSingleton<DatabaseTicketStore>();
        services.AddScoped<SessionRevocation>();
        services.AddSingleton<ExpiredSessionCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<ExpiredSessionCleanup>());

        // Identity's own check of the security stamp: a deactivated, demoted or signed-out-everywhere user's
        // sessions end at their next check, at most ValidationInterval after the change.
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<SignInSessionOptions>, TimeProvider>((options, sessions, clock) =>
            {
                options.ValidationInterval = sessions.Value.ValidationInterval;
                options.TimeProvider = clock;
            });

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "ScrutinyTracker.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            // ExpireTimeSpan: Session:IdleTimeout (SessionServiceCollectionExtensions).
            options.SlidingExpiration = true;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            // Identity's events already hold OnValidatePrincipal (the security-stamp check): add to them, never replace them.
            // Scripts and fetches get a status code, not a sign-in page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore, TimeProvider>((options, store, clock) =>
            {
                options.SessionStore = store;
                options.TimeProvider = clock;
            });
    }

    private static void AddScrutinySignInLimits(this IServiceCollection services)
    {
        services.AddOptions<SignInLimitOptions>()
            .BindConfiguration(SignInLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SignInLimits>();
        services.AddScoped<UnknownUserPasswordCheck>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<SignInLimitOptions>>((limiter, limits) => SignInLimits.AddPolicies(limiter, limits.Value));
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var fromScript = context.Request.Headers.ContainsKey("X-Requested-With")
            || context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
        if (fromScript)
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
