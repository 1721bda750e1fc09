using System.Runtime.CompilerServices;
using Conversations.Runtime.Grains;

namespace Conversations.Grains.Brands;

/// <summary>
/// Credit commands to a brand's one Brand grain, in batches (<see cref="KeyedBatcher{TRequest, TResult}"/>):
/// every send of a brand reserves there and every delivery settles there, and one commit per message would
/// cap a brand at one message per commit latency. A batch (<see cref="IBrandGrain.ApplyCreditsAsync"/>)
/// decides each command in arrival order exactly as the single calls would. A failed batch fails each
/// caller with an unknown outcome, as a single call would; every command is idempotent by message id.
/// </summary>
public static class BrandCredits
{
    private static readonly ConditionalWeakTable<IGrainFactory, KeyedBatcher<CreditCommand, CreditOutcome>> Batchers = [];

    public static Task<CreditOutcome> ReserveAsync(IGrainFactory grains, string brandId, string messageId, long amountMicros) =>
        Of(grains).CallAsync(brandId, new CreditCommand(CreditCommandKind.Reserve, messageId, amountMicros));

    public static Task<CreditOutcome> SettleAsync(IGrainFactory grains, string brandId, string messageId) =>
        Of(grains).CallAsync(brandId, new CreditCommand(CreditCommandKind.Settle, messageId));

    public static Task<CreditOutcome> ReleaseAsync(IGrainFactory grains, string brandId, string messageId) =>
        Of(grains).CallAsync(brandId, new CreditCommand(CreditCommandKind.Release, messageId));

    private static KeyedBatcher<CreditCommand, CreditOutcome> Of(IGrainFactory grains) =>
        Batchers.GetValue(grains, static factory => new KeyedBatcher<CreditCommand, CreditOutcome>(
            (brandId, commands) => factory.GetGrain<IBrandGrain>(brandId).ApplyCreditsAsync(commands)));
}
