using System.Diagnostics.Metrics;
using System.Globalization;
using Conversations.Runtime.Hosting;
using Conversations.Runtime.Storage.Postgres;
using Conversations.Runtime.TestHost;

// Usage: <postgres connection string> <key count> <increment count>
// Increments grains "counter/key-0" .. "counter/key-(keys-1)" round-robin, all concurrently, then stops gracefully.
if (args.Length != 3
    || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var keys) || keys < 1
    || !int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var increments))
{
    await Console.Error.WriteLineAsync("usage: Conversations.Runtime.TestHost <postgres connection string> <key count> <increment count>");
    return 2;
}

// Conflicts (commits refused because another host wrote first, each retried), reported for the test's log.
long conflicts = 0;
using var listener = new MeterListener
{
    InstrumentPublished = (instrument, l) =>
    {
        if (instrument.Meter.Name == "Conversations.Runtime" && instrument.Name == "conversations.runtime.conflicts")
        {
            l.EnableMeasurementEvents(instrument);
        }
    },
};
listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref conflicts, value));
listener.Start();

await using var storage = new PostgresGrainStorage(args[0]);
await using var runtime = new GrainRuntime(storage, TimeProvider.System, new GrainRuntimeOptions
{
    CommitWriters = 4,
    MaxConflictRetries = 1000,
    CallTimeout = TimeSpan.FromMinutes(5),
});
runtime.Register<ICounterGrain, CounterGrain, CounterState>("counter", () => new CounterGrain());
await runtime.StartAsync();

await Task.WhenAll(Enumerable.Range(0, increments).Select(i =>
    runtime.GetGrain<ICounterGrain>($"key-{i % keys}").IncrementAsync()));

await runtime.StopAsync();
Console.WriteLine($"done: {increments} increments over {keys} keys, {Interlocked.Read(ref conflicts)} conflicts retried");
return 0;
