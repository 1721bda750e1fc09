using System.Globalization;

namespace Conversations.Benchmarks.Harness;

/// <summary>The scenario name and its <c>--name value</c> options.</summary>
internal sealed class BenchArgs
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    private BenchArgs(string scenario) => Scenario = scenario;

    public string Scenario { get; }

    public static BenchArgs Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("Usage: <inmemory|durable|timers|webhooks|contacts-import|distribution> [--repeats N] [--seconds S] [--storage sqlite|postgres] ...");
        }

        var parsed = new BenchArgs(args[0]);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected `--option value`, got `{args[i]}`.");
            }

            parsed._options[args[i][2..]] = args[++i];
        }

        return parsed;
    }

    public string Text(string name, string fallback) => _options.GetValueOrDefault(name, fallback);

    public int Int(string name, int fallback) =>
        _options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) =>
        _options.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>A comma-separated list of integers, e.g. <c>--writers 1,2,4</c>.</summary>
    public int[] Ints(string name, int[] fallback) =>
        _options.TryGetValue(name, out var value)
            ? [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture))]
            : fallback;
}
