using System.Globalization;

namespace Conversations.Benchmarks.Harness;

/// <summary>Prints one line per repeat and one summary line (median, min–max, goal) per figure.</summary>
internal static class Report
{
    public static void Run(string figure, int repeat, double value, string unit, string? detail = null) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  run {repeat}: {figure} = {value:N0} {unit}{(detail is null ? "" : $" ({detail})")}"));

    public static void Info(string line) => Console.WriteLine(line);

    /// <summary>Prints the summary; <paramref name="higherIsBetter"/> says which side of the goal meets it; <paramref name="format"/> formats the numbers.</summary>
    public static void Summary(string figure, IReadOnlyCollection<double> values, string unit, double? goal = null, bool higherIsBetter = true, string? detail = null, string format = "N0")
    {
        string F(double value) => value.ToString(format, CultureInfo.InvariantCulture);
        if (values.Count == 0)
        {
            Console.WriteLine($"RESULT {figure}: no valid runs{(detail is null ? "" : $" [{detail}]")}");
            return;
        }

        var median = Stats.Median(values);
        var verdict = goal is not { } g ? "" : (higherIsBetter ? median >= g : median <= g)
            ? $"; goal {(higherIsBetter ? ">=" : "<=")} {F(g)}: MET"
            : $"; goal {(higherIsBetter ? ">=" : "<=")} {F(g)}: NOT MET";
        Console.WriteLine(
            $"RESULT {figure}: median {F(median)} {unit} (min {F(values.Min())}, max {F(values.Max())}, {values.Count} runs){verdict}{(detail is null ? "" : $" [{detail}]")}");
    }
}
