using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ScrutinyTracker.Web.Infrastructure.Council;

/// <summary>
/// The council's logo, if Council:LogoPath names one: its URL for pages, and its bytes as a data: URL for
/// printed documents, whose browser may fetch nothing.
/// </summary>
public sealed class CouncilLogo
{
    private static readonly Dictionary<string, string> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
    };

    private readonly Lazy<string?> _dataUrl;

    public CouncilLogo(IOptions<CouncilOptions> options, IWebHostEnvironment environment)
    {
        Path = Normalise(options.Value.LogoPath);
        _dataUrl = new(() => Path is null ? null : DataUrl(environment.WebRootFileProvider.GetFileInfo(Path), Path));
    }

    /// <summary>The logo's path under wwwroot ("images/logo.svg"), or null when there is none.</summary>
    public string? Path { get; }

    public string? DataUrl() => _dataUrl.Value;

    /// <summary>Why Council:LogoPath cannot be used, or null when it can (or is not set).</summary>
    public static string? Problem(string? logoPath, IFileProvider webRoot)
    {
        var path = Normalise(logoPath);
        if (path is null)
        {
            return null;
        }

        if (path.Split('/').Contains("..") || path.Contains(':'))
        {
            return "Council:LogoPath must be a path under wwwroot, e.g. images/council-logo.svg.";
        }

        if (!MediaTypes.ContainsKey(System.IO.Path.GetExtension(path)))
        {
            return "Council:LogoPath must be an .svg, .png, .jpg or .gif image.";
        }

        return webRoot.GetFileInfo(path).Exists ? null : $"Council:LogoPath names wwwroot/{path}, which does not exist.";
    }

    private static string? Normalise(string? logoPath) =>
        string.IsNullOrWhiteSpace(logoPath) ? null : logoPath.Trim().Replace('\\', '/').TrimStart('~').TrimStart('/');

    private static string DataUrl(IFileInfo file, string path)
    {
        using var stream = file.CreateReadStream();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return $"data:{MediaTypes[System.IO.Path.GetExtension(path)]};base64,{Convert.ToBase64String(bytes.ToArray())}";
    }
}
