using System.Runtime.CompilerServices;
using Conversations.Runtime.Grains;

namespace Conversations.Grains.Numbers;

/// <summary>
/// Send slots of a business number, taken in batches (<see cref="KeyedBatcher{TRequest, TResult}"/>): every
/// send of a number takes its slot on the number's one PhoneNumber grain, and one commit per message would cap
/// the number at one message per commit latency, whatever its throughput. A batch hands out slots in arrival
/// order exactly as single calls would, so the rate holds as before.
/// </summary>
public static class SendSlots
{
    private static readonly ConditionalWeakTable<IGrainFactory, KeyedBatcher<SendSlotRequest, SendSlot>> Batchers = [];

    public static Task<SendSlot> TakeWithinAsync(IGrainFactory grains, string businessNumber, bool media, TimeSpan longestWait) =>
        Batchers.GetValue(grains, static factory => new KeyedBatcher<SendSlotRequest, SendSlot>(
                (number, requests) => factory.GetGrain<IPhoneNumberGrain>(number).TakeSendSlotsWithinAsync(requests)))
            .CallAsync(businessNumber, new SendSlotRequest(media, longestWait));
}
