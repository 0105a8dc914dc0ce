using DocumentFormat.OpenXml.Wordprocessing;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>
/// A Word table laid out on its grid: a cell spanning several columns (gridSpan) fills each of them, and
/// a cell merged down from the one above (vMerge) is marked as continuing it. Each cell keeps the id of
/// the Word cell it came from, so callers can tell one spanning cell from several equal ones.
/// </summary>
public sealed class TableGrid
{
    public sealed record Cell(int Id, string Text, bool ContinuesAbove)
    {
        public static Cell Empty { get; } = new(-1, "", false);
    }

    private TableGrid(IReadOnlyList<Cell[]> rows, int width)
    {
        Rows = rows;
        Width = width;
    }

    public IReadOnlyList<Cell[]> Rows { get; }

    public int Width { get; }

    public static TableGrid Of(Table table)
    {
        var rows = new List<List<Cell>>();
        var nextId = 0;
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = new List<Cell>();
            var before = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            cells.AddRange(Enumerable.Repeat(Cell.Empty, before));
            foreach (var cell in row.Elements<TableCell>())
            {
                var properties = cell.TableCellProperties;
                var span = Math.Max(1, properties?.GridSpan?.Val?.Value ?? 1);
                var merge = properties?.VerticalMerge;
                var continues = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                var column = cells.Count;
                var above = continues && rows.Count > 0 && rows[^1].Count > column ? rows[^1][column] : null;
                var gridCell = above is not null
                    ? new Cell(above.Id, above.Text, true)
                    : new Cell(nextId++, WordText.Of(cell), false);
                cells.AddRange(Enumerable.Repeat(gridCell, span));
            }

            rows.Add(cells);
        }

        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        return new TableGrid(
            rows.Select(r => r.Concat(Enumerable.Repeat(Cell.Empty, width - r.Count)).ToArray()).ToList(),
            width);
    }

    /// <summary>The table's text, row by row, cells separated by " | ": for warnings and recognising tables.</summary>
    public static string RowText(Cell[] row) =>
        string.Join(" | ", row.DistinctBy(c => c.Id).Select(c => c.Text.Replace("\n\n", " ").Replace('\n', ' ')).Where(t => t.Length > 0));
}
