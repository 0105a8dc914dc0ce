namespace ScrutinyTracker.Web.Features.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>Reminders, chasers and digests (Reminders:* settings), looked for in the background.</summary>
    public static IServiceCollection AddScrutinyReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>()
            .BindConfiguration(ReminderOptions.Section)
            .Validate(o => o.DaysBefore.All(d => d > 0) && o.OverdueEveryDays > 0 && o.ExecutiveResponseDaysBefore >= 0 && o.CheckInterval > TimeSpan.Zero,
                "Reminders:DaysBefore must hold days of 1 or more, Reminders:OverdueEveryDays must be 1 or more and Reminders:CheckInterval more than zero.")
            .ValidateOnStart();
        services.AddScoped<ReminderEmails>();
        services.AddScoped<WeeklyDigest>();
        services.AddScoped<ReminderRun>();
        services.AddHostedService<ReminderScheduler>();
        return services;
    }
}
