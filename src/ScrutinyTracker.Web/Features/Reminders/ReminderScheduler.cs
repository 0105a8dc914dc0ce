using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Infrastructure.Email;

namespace ScrutinyTracker.Web.Features.Reminders;

/// <summary>
/// Runs <see cref="ReminderRun"/> at start and every Reminders:CheckInterval on the app's clock, in every
/// instance; the database decides which instance sends each reminder (decision 0016).
/// </summary>
public sealed class ReminderScheduler(IServiceScopeFactory scopes, EmailSettings email, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!email.Enabled || !options.Value.Enabled)
        {
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReminderRun>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Reminders could not be sent; they are tried again in {Interval}", options.Value.CheckInterval);
            }

            try
            {
                await Task.Delay(options.Value.CheckInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
