using System.Globalization;

namespace ScrutinyTracker.Web.Infrastructure;

/// <summary>
/// Times are stored in UTC and shown in UK time, whatever the server's own time zone, in the
/// GOV.UK style: "24 November 2026 at 2:02pm".
/// </summary>
public static class UkTime
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    private static readonly TimeZoneInfo London =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    /// <summary>Today's date in the UK.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(FromUtc(clock.GetUtcNow().UtcDateTime));

    /// <summary>The UTC instant today began in the UK (UK midnight is never skipped or repeated by summer time).</summary>
    public static DateTime StartOfTodayUtc(TimeProvider clock) =>
        TimeZoneInfo.ConvertTimeToUtc(Today(clock).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), London);

    public static string DateAndTime(DateTime utc)
    {
        var local = FromUtc(utc);
        return $"{local.ToString("d MMMM yyyy", EnglishUk)} at {Time(local)}";
    }

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnglishUk);

    private static string Time(DateTime local) =>
        local.ToString("h:mm", EnglishUk) + (local.Hour < 12 ? "am" : "pm");
}
