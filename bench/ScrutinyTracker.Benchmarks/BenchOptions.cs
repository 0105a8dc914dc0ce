using System.Globalization;

namespace ScrutinyTracker.Benchmarks;

/// <summary>
/// Command line: <c>--cold 5 --warm-up 3 --warm 20 --pack-size 20 --compare 20 --throughput 40 --samples 3</c>
/// (the defaults). <c>--cold 0 --warm 0</c> leaves out the cold and warm table, <c>--compare 0</c> the
/// comparison with bare Playwright.
/// </summary>
public sealed record BenchOptions(int ColdRuns, int WarmUpRuns, int WarmRuns, int PackSize, int CompareRuns, int ThroughputPdfs, int ThroughputSamples)
{
    private static readonly Dictionary<string, int> Minimum = new()
    {
        ["--cold"] = 0, ["--warm-up"] = 0, ["--warm"] = 0, ["--pack-size"] = 1, ["--compare"] = 0, ["--throughput"] = 4, ["--samples"] = 1,
    };

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, int>
        {
            ["--cold"] = 5, ["--warm-up"] = 3, ["--warm"] = 20, ["--pack-size"] = 20, ["--compare"] = 20, ["--throughput"] = 40, ["--samples"] = 3,
        };
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!values.ContainsKey(args[i]) || i + 1 >= args.Length || !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) || value < Minimum[args[i]])
            {
                throw new ArgumentException(
                    "Usage: [--cold N] [--warm-up N] [--warm N] [--pack-size N] [--compare N] [--throughput N] [--samples N]; "
                    + $"--pack-size and --samples at least 1, --throughput at least 4, the others at least 0 (not '{string.Join(' ', args)}').");
            }

            values[args[i]] = value;
        }

        return new BenchOptions(values["--cold"], values["--warm-up"], values["--warm"], values["--pack-size"], values["--compare"], values["--throughput"], values["--samples"]);
    }
}
