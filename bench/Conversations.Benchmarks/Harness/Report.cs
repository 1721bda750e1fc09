using System.Globalization;

namespace Conversations.Benchmarks.Harness;

/// <summary>Prints one line per repeat and one summary line (median, min–max, goal) per figure.</summary>
internal static class Report
{
    public static void Run(string figure, int repeat, double value, string unit, string? detail = null) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  run {repeat}: {figure} = {value:N0} {unit}{(detail is null ? "" : $" ({detail})")}"));

    public static void Info(string line) => Console.WriteLine(line);

    /// <summary>Prints the summary; <paramref name="higherIsBetter"/> says which side of the goal meets it.</summary>
    public static void Summary(string figure, IReadOnlyCollection<double> values, string unit, double? goal = null, bool higherIsBetter = true, string? detail = null)
    {
        var median = Stats.Median(values);
        var verdict = goal is not { } g ? "" : (higherIsBetter ? median >= g : median <= g)
            ? string.Create(CultureInfo.InvariantCulture, $"; goal {(higherIsBetter ? ">=" : "<=")} {g:N0}: MET")
            : string.Create(CultureInfo.InvariantCulture, $"; goal {(higherIsBetter ? ">=" : "<=")} {g:N0}: NOT MET");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT {figure}: median {median:N0} {unit} (min {values.Min():N0}, max {values.Max():N0}, {values.Count} runs){verdict}{(detail is null ? "" : $" [{detail}]")}"));
    }
}
