using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ScrutinyTracker.Benchmarks;

/// <summary>One run of wrk (Debian's package, installed here if missing) against a URL, with a sign-in cookie.</summary>
public static partial class Wrk
{
    public sealed record Result(double RequestsPerSecond, double P50Milliseconds, int Errors);

    public static void EnsureInstalled()
    {
        if (Run("sh", "-c \"command -v wrk\"").ExitCode == 0)
        {
            return;
        }

        Console.WriteLine("wrk is missing: installing Debian's wrk package (apt-get install -y wrk)");
        if (Run("apt-get", "install -y wrk").ExitCode != 0 && (Run("apt-get", "update").ExitCode != 0 || Run("apt-get", "install -y wrk").ExitCode != 0))
        {
            throw new InvalidOperationException("wrk could not be installed: run 'sudo apt-get install wrk' and start the benchmark again.");
        }
    }

    public static Result Load(string url, string? cookie, int connections, int seconds)
    {
        var header = cookie is null ? "" : $"-H \"Cookie: {cookie}\" ";
        var (code, output) = Run("wrk", $"-t{Math.Min(2, connections)} -c{connections} -d{seconds}s --latency {header}{url}");
        if (code != 0)
        {
            throw new InvalidOperationException($"wrk failed on {url}:\n{output}");
        }

        var errors = Regex.Match(output, @"Non-2xx or 3xx responses: (\d+)") is { Success: true } bad ? int.Parse(bad.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new Result(
            double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Milliseconds(Median().Match(output)),
            errors);
    }

    private static double Milliseconds(Match median)
    {
        var value = double.Parse(median.Groups[1].Value, CultureInfo.InvariantCulture);
        return median.Groups[2].Value switch { "us" => value / 1000, "ms" => value, "s" => value * 1000, _ => value * 60_000 };
    }

    private static (int ExitCode, string Output) Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"\s50%\s+([\d.]+)(us|ms|s|m)")]
    private static partial Regex Median();
}
