using Conversations.Benchmarks.Durable;
using Conversations.Benchmarks.Harness;
using Conversations.Benchmarks.InMemory;
using Conversations.Benchmarks.Timers;

// End-to-end figures of the grain runtime; BENCHMARKS.md records them with these commands.
var parsed = BenchArgs.Parse(args);
Report.Info(Machine.Describe());
var load = Machine.OtherLoad();
Report.Info(load.Length == 0
    ? "other test runs: none"
    : $"WARNING: other test runs are active, figures are skewed: {string.Join(" | ", load)}");

switch (parsed.Scenario)
{
    case "inmemory":
        await InMemoryScenario.RunAsync(parsed);
        break;
    case "durable":
        await DurableScenario.RunAsync(parsed);
        break;
    case "timers":
        await TimerScenario.RunAsync(parsed);
        break;
    default:
        Console.Error.WriteLine($"Unknown scenario `{parsed.Scenario}`: use inmemory, durable or timers.");
        return 2;
}

return 0;
