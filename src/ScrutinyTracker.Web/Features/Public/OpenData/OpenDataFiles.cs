using System.Text.Json;
using CsvHelper;
using ScrutinyTracker.Web.Features.Exports;

namespace ScrutinyTracker.Web.Features.Public.OpenData;

/// <summary>
/// The open data as CSV (UTF-8 with a byte order mark, formula-safe as the actions export) and as JSON,
/// both from <see cref="OpenDataColumns"/>, so their columns and values never disagree. The CSV carries
/// the licence in a column of every row; the JSON once, beside the rows.
/// </summary>
public static class OpenDataFiles
{
    public const string LicenceColumn = "licence";

    public static byte[] Csv(IReadOnlyList<OpenDataRow> rows, OpenDataOptions licence)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, ActionCsv.Options, leaveOpen: true))
        {
            foreach (var column in OpenDataColumns.All)
            {
                csv.WriteField(column.Name);
            }

            csv.WriteField(LicenceColumn);
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var column in OpenDataColumns.All)
                {
                    csv.WriteField(ActionColumns.Text(column.Value(row)));
                }

                csv.WriteField($"{licence.LicenceName} {licence.LicenceUrl}");
                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }

    public static byte[] Json(IReadOnlyList<OpenDataRow> rows, OpenDataOptions licence, string publisher, DateTime generatedUtc)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("publisher", publisher);
            json.WriteString("generated", generatedUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStartObject(LicenceColumn);
            json.WriteString("name", licence.LicenceName);
            json.WriteString("url", licence.LicenceUrl);
            json.WriteEndObject();
            json.WriteStartArray("actions");
            foreach (var row in rows)
            {
                json.WriteStartObject();
                foreach (var column in OpenDataColumns.All)
                {
                    json.WritePropertyName(column.Name);
                    switch (column.Value(row))
                    {
                        case null: json.WriteNullValue(); break;
                        case int number: json.WriteNumberValue(number); break;
                        case var value: json.WriteStringValue(value.ToString()); break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }
}
