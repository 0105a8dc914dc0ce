using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ScrutinyTracker.Benchmarks;

/// <summary>The timings of one document in one state (cold or warm), and the last PDF it produced.</summary>
public sealed partial record Measurement(string Document, string Start, IReadOnlyList<TimeSpan> Timings, byte[] Pdf)
{
    public TimeSpan Median
    {
        get
        {
            var sorted = Timings.Order().ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /// <summary>Chromium writes one "/Type /Page" dictionary per page, uncompressed.</summary>
    public int Pages => PageObject().Count(Encoding.Latin1.GetString(Pdf));

    public string MarkdownRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Document} | {Start} | {Timings.Count} | {Ms(Median)} | {Ms(Timings.Min())} | {Ms(Timings.Max())} | {Pdf.Length / 1024.0:0} kB | {Pages} |");

    private static string Ms(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:0} ms");

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();
}
