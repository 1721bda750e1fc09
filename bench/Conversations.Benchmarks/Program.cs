using Conversations.Benchmarks.Contacts;
using Conversations.Benchmarks.Distributions;
using Conversations.Benchmarks.Durable;
using Conversations.Benchmarks.Harness;
using Conversations.Benchmarks.InMemory;
using Conversations.Benchmarks.Timers;
using Conversations.Benchmarks.Webhooks;

// End-to-end figures of the grain runtime and the silo; BENCHMARKS.md records them with these commands.
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
    case "webhooks":
        await WebhookScenario.RunAsync(parsed);
        break;
    case "contacts-import":
        await ContactImportScenario.RunAsync(parsed);
        break;
    case "distribution":
        await DistributionScenario.RunAsync(parsed);
        break;
    default:
        Console.Error.WriteLine($"Unknown scenario `{parsed.Scenario}`: use inmemory, durable, timers, webhooks, contacts-import or distribution.");
        return 2;
}

return 0;
