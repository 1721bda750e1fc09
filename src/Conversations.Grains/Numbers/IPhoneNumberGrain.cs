using Conversations.Domain.Numbers;
using Conversations.Runtime.Grains;

namespace Conversations.Grains.Numbers;

/// <summary>
/// A business number, keyed by its digits (E.164 without <c>+</c>): which brand holds it and
/// through which provider, its department, its outbound throughput and its registration with Meta.
/// One brand at a time: a claim by another brand is refused with <c>number_already_configured</c>
/// until the holder releases it; every other change must come from the holding brand
/// (<c>number_not_owned</c> otherwise). Refusals are returned as data, never thrown. The brand's
/// numbers are listed in the <c>numbers</c> projection (partition: brand id).
/// </summary>
public interface IPhoneNumberGrain : IGrain
{
    [StaleRead]
    Task<NumberSnapshot> GetAsync();

    /// <summary>As <see cref="GetAsync"/>, always checked against the stored state: before acting on a "not yours".</summary>
    Task<NumberSnapshot> GetCurrentAsync();

    /// <summary>Connects the number to <paramref name="brandId"/>; the same brand claiming again is an idempotent update (it may switch provider).</summary>
    Task<NumberOutcome> ClaimAsync(string brandId, ChannelProvider provider);

    /// <summary>Disconnects the number from <paramref name="brandId"/>; releasing an unowned number changes nothing.</summary>
    Task<NumberOutcome> ReleaseAsync(string brandId);

    /// <summary>
    /// Ties the number to <paramref name="department"/> (or to none with <see langword="null"/>), which must be one of
    /// <paramref name="brandDepartments"/>, the brand's departments as the caller read them from the brand.
    /// </summary>
    Task<NumberOutcome> AssignDepartmentAsync(string brandId, string? department, IReadOnlyList<string> brandDepartments);

    /// <summary>Sets the outbound rates; each must be above 0 and at most 1,000 per second.</summary>
    Task<NumberOutcome> SetThroughputAsync(string brandId, Throughput throughput);

    /// <summary>Records where the number stands with Meta's registration; anything but approved shows a <see cref="NumberError"/>.</summary>
    Task<NumberOutcome> SetRegistrationAsync(string brandId, RegistrationStatus registration);

    /// <summary>
    /// Takes the number's next send slot for a text or media message, cluster-wide (the slot is
    /// committed like any state, so two nodes never get the same one): the caller hands the message to
    /// the provider no earlier than the returned time. Rates are the number's throughput.
    /// </summary>
    Task<DateTimeOffset> TakeSendSlotAsync(bool media);

    /// <summary>
    /// As <see cref="TakeSendSlotAsync"/>, but only when the slot is at most <paramref name="longestWait"/>
    /// away: a later slot is not taken (so no unused slot leaves a gap in the number's sends) and
    /// <see cref="SendSlot.Taken"/> is false, with <see cref="SendSlot.At"/> saying when to ask again.
    /// </summary>
    Task<SendSlot> TakeSendSlotWithinAsync(bool media, TimeSpan longestWait);

    /// <summary>
    /// <see cref="TakeSendSlotWithinAsync"/> for each request in order, in one turn (one commit):
    /// <see cref="SendSlots"/> gathers them.
    /// </summary>
    Task<IReadOnlyList<SendSlot>> TakeSendSlotsWithinAsync(IReadOnlyList<SendSlotRequest> requests);
}
