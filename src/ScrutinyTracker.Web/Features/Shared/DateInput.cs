using System.Globalization;

namespace ScrutinyTracker.Web.Features.Shared;

/// <summary>
/// A GOV.UK date input's three answers (day, month, year) as typed, and the date they make. Forms keep
/// one per date under a prefix ("Meeting": Meeting.Day, Meeting.Month, Meeting.Year); errors go under
/// "{prefix}.Day", the first field, which the error summary links to.
/// </summary>
public sealed class DateInput
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>The date, or null when the answers are not a real date.</summary>
    public DateOnly? Date => Parse(Day, Month, Year);

    public static DateInput Of(DateOnly? date) => date is { } d
        ? new DateInput
        {
            Day = d.Day.ToString(CultureInfo.InvariantCulture),
            Month = d.Month.ToString(CultureInfo.InvariantCulture),
            Year = d.Year.ToString(CultureInfo.InvariantCulture),
        }
        : new DateInput();

    public static DateOnly? Parse(string? dayText, string? monthText, string? yearText) =>
        int.TryParse(dayText?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
        && int.TryParse(monthText?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
        && int.TryParse(yearText?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
        && year is >= 1900 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
}

/// <summary>The model of <c>_DateInput.cshtml</c>: which date of the form, its legend and hint.</summary>
public sealed record DateInputField(string Prefix, string Legend, string Hint, DateInput Value);
