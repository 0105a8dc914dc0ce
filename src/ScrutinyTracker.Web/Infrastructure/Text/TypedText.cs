using System.Buffers;

namespace ScrutinyTracker.Web.Infrastructure.Text;

/// <summary>
/// What happens to text people type before it is stored: line breaks become one character, control
/// characters that no page or document can show are refused, and nothing else changes.
/// </summary>
public static class TypedText
{
    // Every Unicode control character (category Cc) except tab and the line breaks a browser or a
    // pasted document may hold: line feed, carriage return, form feed and next line (U+0085). Those
    // are text, and are stored as typed; the others (NUL, bell, escape, DEL…) arrive only by pasting
    // from another program or by tampering, and cannot be shown in a page, a PDF or a Word document.
    private static readonly SearchValues<char> Refused = SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(c => (char)c)
            .Where(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f' or '\u0085'))
            .ToArray());

    /// <summary>
    /// Browsers post a typed line break as CR LF but count it as one character; storing LF keeps the
    /// line breaks and makes the server's count agree with the one the user saw. Only CR LF and a lone
    /// CR change: form feed, next line, and the line and paragraph separators are kept as typed
    /// (<see cref="string.ReplaceLineEndings(string)"/> would change them too).
    /// </summary>
    public static string NormaliseLineBreaks(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    public static bool HasRefusedCharacters(string text) => text.AsSpan().ContainsAny(Refused);

    /// <summary>The text without its refused control characters, to show back for the user to check.</summary>
    public static string WithoutRefusedCharacters(string text)
    {
        if (!HasRefusedCharacters(text))
        {
            return text;
        }

        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!Refused.Contains(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }
}
