using Conversations.Runtime.Hosting;

namespace Conversations.Runtime.Tests.Grains;

internal static class TestGrains
{
    /// <summary>Registers every test grain kind on <paramref name="runtime"/>.</summary>
    public static GrainRuntime RegisterAll(this GrainRuntime runtime, FiringRecorder recorder) => runtime
        .Register<ICounterGrain, CounterGrain, CounterState>(CounterGrain.Kind, () => new CounterGrain())
        .Register<ICycleGrain, CycleGrain, CycleState>(CycleGrain.Kind, () => new CycleGrain())
        .Register<ITimerGrain, TimerGrain, TimerState>(TimerGrain.Kind, () => new TimerGrain(recorder))
        .Register<IEffectGrain, EffectGrain, EffectState>(EffectGrain.Kind, () => new EffectGrain())
        .Register<ICachedCounterGrain, CachedCounterGrain, CounterState>(CachedCounterGrain.Kind, () => new CachedCounterGrain(), staleReadWindow: CachedCounterGrain.Window);
}
