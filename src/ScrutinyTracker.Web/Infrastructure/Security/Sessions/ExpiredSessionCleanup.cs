using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Data;

namespace ScrutinyTracker.Web.Infrastructure.Security.Sessions;

/// <summary>Deletes sessions past their expiry every <see cref="SignInSessionOptions.CleanupInterval"/>.</summary>
public sealed class ExpiredSessionCleanup(
    IServiceScopeFactory scopes,
    SessionCache cache,
    TimeProvider clock,
    IOptions<SignInSessionOptions> options,
    ILogger<ExpiredSessionCleanup> logger) : BackgroundService
{
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        cache.ForgetStale();
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScrutinyDbContext>().UserSessions
            .Where(s => s.ExpiresAtUtc <= now).ExecuteDeleteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await DeleteExpiredAsync(stoppingToken);
                logger.LogInformation("Deleted {Count} expired sessions", deleted);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next tick tries again; expired sessions are refused meanwhile anyway.
                logger.LogWarning(exception, "Expired sessions could not be deleted");
            }
        }
    }
}
