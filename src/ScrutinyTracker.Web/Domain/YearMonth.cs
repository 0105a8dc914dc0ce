using System.Globalization;
using System.Text.RegularExpressions;

namespace ScrutinyTracker.Web.Domain;

/// <summary>A calendar month such as "March 2019": the precision the council's documents use.</summary>
public readonly partial record struct YearMonth : IComparable<YearMonth>
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    public YearMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }
    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    public static YearMonth From(DateOnly date) => new(date.Year, date.Month);

    public YearMonth AddMonths(int months) => From(FirstDay.AddMonths(months));

    public int CompareTo(YearMonth other) => (Year, Month).CompareTo((other.Year, other.Month));

    public static bool operator <(YearMonth left, YearMonth right) => left.CompareTo(right) < 0;
    public static bool operator >(YearMonth left, YearMonth right) => left.CompareTo(right) > 0;
    public static bool operator <=(YearMonth left, YearMonth right) => left.CompareTo(right) <= 0;
    public static bool operator >=(YearMonth left, YearMonth right) => left.CompareTo(right) >= 0;

    /// <summary>"March 2019".</summary>
    public override string ToString() => FirstDay.ToString("MMMM yyyy", EnglishUk);

    /// <summary>
    /// Finds a month and year in the council's free-text dates ("October 2019", "Sept 2019",
    /// "Report back in December 2019"). Text with a year but no month, such as
    /// "Reviewed throughout the year 2019", has no due month.
    /// </summary>
    public static YearMonth? FindIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (Match match in MonthAndYear().Matches(text))
        {
            var month = MonthNumber(match.Groups["month"].Value);
            if (month is not null)
            {
                return new YearMonth(int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture), month.Value);
            }
        }

        return null;
    }

    /// <summary>Parses exactly a month and year ("March 2020"); used for round labels.</summary>
    public static bool TryParse(string? text, out YearMonth value)
    {
        value = default;
        var match = text is null ? Match.Empty : ExactMonthAndYear().Match(text.Trim());
        var month = match.Success ? MonthNumber(match.Groups["month"].Value) : null;
        if (month is null)
        {
            return false;
        }

        value = new YearMonth(int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture), month.Value);
        return true;
    }

    private static int? MonthNumber(string name)
    {
        if (name.Length < 3)
        {
            return null;
        }

        var names = EnglishUk.DateTimeFormat.MonthNames;
        for (var i = 0; i < 12; i++)
        {
            if (names[i].StartsWith(name, StringComparison.OrdinalIgnoreCase)
                || (name.Equals("Sept", StringComparison.OrdinalIgnoreCase) && i == 8))
            {
                return i + 1;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(?<month>[A-Za-z]{3,9})\.?\s+(?<year>(19|20)\d{2})\b")]
    private static partial Regex MonthAndYear();

    [GeneratedRegex(@"^(?<month>[A-Za-z]{3,9})\.?\s+(?<year>(19|20)\d{2})$")]
    private static partial Regex ExactMonthAndYear();
}
