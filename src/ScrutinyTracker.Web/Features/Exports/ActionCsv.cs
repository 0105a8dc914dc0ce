using CsvHelper;

namespace ScrutinyTracker.Web.Features.Exports;

/// <summary>
/// Writes the actions spreadsheet as CSV: UTF-8 with a byte order mark, so that Excel reads its
/// accents and dashes right, and safe from formula injection as OWASP advises: a cell starting with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading <c>'</c> and is
/// quoted, so a spreadsheet shows it as text and never runs it. The plan import takes that quote off again.
/// </summary>
public static class ActionCsv
{
    /// <summary>The characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").</summary>
    public const string InjectionCharacters = "=+-@\t\r";

    public const char InjectionEscape = '\'';

    public static CsvWriterOptions Options { get; } = new()
    {
        Injection = CsvInjection.Escape,
        InjectionCharacters = InjectionCharacters,
        InjectionEscape = InjectionEscape,
        WriteByteOrderMark = true,
        FormatProvider = System.Globalization.CultureInfo.InvariantCulture,
    };

    public static byte[] Write(IReadOnlyList<ActionRow> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            foreach (var column in ActionColumns.All)
            {
                csv.WriteField(column.Header);
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var column in ActionColumns.All)
                {
                    csv.WriteField(ActionColumns.Text(column.Value(row)));
                }

                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }
}
