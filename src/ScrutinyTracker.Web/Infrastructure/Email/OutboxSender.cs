namespace ScrutinyTracker.Web.Infrastructure.Email;

/// <summary>
/// The background sender: sends what is due whenever a transaction writes e-mails (<see cref="OutboxSignal"/>)
/// and every Email:PollInterval, for retries and for messages other app instances wrote.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, OutboxSignal signal, EmailSettings settings, TimeProvider clock, ILogger<OutboxSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled || !settings.Options.SendInBackground)
        {
            return;
        }

        // Let the app finish starting before the first look.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The e-mail sender could not read the outbox; it tries again in {Interval}", settings.Options.PollInterval);
            }

            try
            {
                await signal.WaitAsync(settings.Options.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
