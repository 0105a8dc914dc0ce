using System.Globalization;

namespace ScrutinyTracker.Benchmarks;

/// <summary>Command line: <c>--cold 5 --warm 20 --warm-up 3 --pack-size 20</c> (the defaults).</summary>
public sealed record BenchOptions(int ColdRuns, int WarmUpRuns, int WarmRuns, int PackSize)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, int> { ["--cold"] = 5, ["--warm-up"] = 3, ["--warm"] = 20, ["--pack-size"] = 20 };
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!values.ContainsKey(args[i]) || i + 1 >= args.Length || !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                throw new ArgumentException($"Usage: [--cold N] [--warm-up N] [--warm N] [--pack-size N], each N at least 1 (not '{string.Join(' ', args)}').");
            }

            values[args[i]] = value;
        }

        return new BenchOptions(values["--cold"], values["--warm-up"], values["--warm"], values["--pack-size"]);
    }
}
