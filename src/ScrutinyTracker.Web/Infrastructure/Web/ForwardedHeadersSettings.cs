using System.ComponentModel.DataAnnotations;
using System.Net;

namespace ScrutinyTracker.Web.Infrastructure.Web;

/// <summary>
/// The "ForwardedHeaders" configuration section: which reverse proxies may tell the app the original
/// scheme and client address (X-Forwarded-Proto, X-Forwarded-For). Headers from anyone else are ignored.
/// Loopback is always trusted (a proxy on the same host).
/// </summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. "10.0.0.5". Empty entries are ignored.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. "172.16.0.0/12" for Docker's bridge networks.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row may add to X-Forwarded-For.</summary>
    [Range(1, 10, ErrorMessage = "ForwardedHeaders:ForwardLimit must be between 1 and 10.")]
    public int ForwardLimit { get; set; } = 1;

    public IEnumerable<IPAddress> Proxies() => KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => IPAddress.Parse(p.Trim()));

    public IEnumerable<System.Net.IPNetwork> Networks() =>
        KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => System.Net.IPNetwork.Parse(n.Trim()));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p) && !IPAddress.TryParse(p.Trim(), out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies has '{proxy}', which is not an IP address (e.g. 10.0.0.5).");
        }

        foreach (var network in KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n) && !System.Net.IPNetwork.TryParse(n.Trim(), out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks has '{network}', which is not a network in CIDR notation (e.g. 172.16.0.0/12).");
        }
    }
}
