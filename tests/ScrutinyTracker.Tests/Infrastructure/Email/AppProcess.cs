using System.Diagnostics;
using System.Text;

namespace ScrutinyTracker.Tests.Infrastructure.Email;

/// <summary>
/// The app run as a process of its own on the test's database and SMTP server, so a test can kill it
/// outright (no shutdown, no finally blocks), as a crash or a pulled plug would.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("scrutinytracker-app-").FullName;

    public AppProcess(string connectionString, int smtpPort, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "ScrutinyTracker.Web"))
        {
            WorkingDirectory = _contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_CONTENTROOT"] = _contentRoot,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{SmtpTestServer.FreePort()}",
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = connectionString,
            ["Database__SeedDemoData"] = "false",
            ["Email__Provider"] = "Smtp",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = smtpPort.ToString(),
            ["Email__Smtp__Security"] = "None",
            ["Email__SiteUrl"] = EmailAppFactory.SiteUrl,
            ["Email__FromAddress"] = "scrutiny@example.gov.uk",
            ["Logging__LogLevel__Default"] = "Warning",
            // Its content root is a folder of its own, without the app's appsettings.json.
            ["Council__Name"] = "Example Borough Council",
            ["Council__ContactEmail"] = "scrutiny@example.gov.uk",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: the process ends at once, wherever it is.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        Directory.Delete(_contentRoot, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
