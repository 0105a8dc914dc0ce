namespace ScrutinyTracker.Web.Features.Pdf;

/// <summary>
/// The app's compiled stylesheet (wwwroot/css/app.css), read once and written inline into printed
/// documents, because the browser that prints them may fetch nothing.
/// </summary>
public sealed class PrintStylesheet(IWebHostEnvironment environment)
{
    private const string StylesheetPath = "css/app.css";

    private readonly Lazy<string> _css = new(() => Read(environment));

    public string Css => _css.Value;

    private static string Read(IWebHostEnvironment environment)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(StylesheetPath);
        if (!file.Exists)
        {
            throw new InvalidOperationException($"wwwroot/{StylesheetPath} is missing; it is built from frontend/app.scss (see frontend/README.md).");
        }

        using var reader = new StreamReader(file.CreateReadStream());
        return reader.ReadToEnd();
    }
}
