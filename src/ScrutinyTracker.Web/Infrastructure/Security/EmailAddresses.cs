namespace ScrutinyTracker.Web.Infrastructure.Security;

/// <summary>
/// Which email addresses can be an account's name: the RFC 5321 mailbox syntax a council mail server
/// delivers to, "Dot-string@Domain". Apostrophes, plus signs and the other RFC "atext" characters are
/// accepted (siobhan.o'brien@council.gov.uk). Not accepted, because no council uses them and they
/// are easily mistyped or abused: quoted local parts ("john smith"@…), address literals (…@[10.0.0.1]),
/// non-ASCII addresses (RFC 6531) and domains without a dot.
/// </summary>
public static class EmailAddresses
{
    public const int MaxLength = 254;
    private const int LocalPartMaxLength = 64;
    private const int LabelMaxLength = 63;
    private const string AtextSymbols = "!#$%&'*+-/=?^_`{|}~";

    public static bool IsValid(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length > MaxLength)
        {
            return false;
        }

        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1)
        {
            return false;
        }

        return IsDotString(address[..at]) && IsDomain(address[(at + 1)..]);
    }

    private static bool IsDotString(string local) =>
        local.Length <= LocalPartMaxLength
        && local.Split('.').All(atom => atom.Length > 0 && atom.All(IsAtext));

    private static bool IsAtext(char c) => char.IsAsciiLetterOrDigit(c) || AtextSymbols.Contains(c);

    private static bool IsDomain(string domain)
    {
        var labels = domain.Split('.');
        return labels.Length >= 2
            && labels.All(l => l.Length is > 0 and <= LabelMaxLength
                && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
                && l[0] != '-' && l[^1] != '-')
            && !labels[^1].All(char.IsAsciiDigit);
    }
}
