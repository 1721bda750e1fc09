using Conversations.Domain.Brands;
using Conversations.Runtime.Grains;

namespace Conversations.Grains.Brands;

/// <summary>
/// A brand, keyed by its brand id: its name and chat settings, its Twilio account (at most one),
/// and its credits. Refusals are returned as data (<see cref="BrandOutcome.Refusal"/>,
/// <see cref="CreditOutcome.Refusal"/>), never thrown. The credit commands are idempotent by id —
/// a purchase by its purchase id, a reservation, settlement or release by its message id — so a
/// caller may repeat any of them (a retried webhook, a re-run turn) without double counting.
/// Every change of the credits writes a row in the <c>ledger</c> projection (partition: brand id,
/// sort key: a zero-padded sequence). A reservation whose delivery report never comes is released
/// by a durable timer once it is more than a day old.
/// </summary>
public interface IBrandGrain : IGrain
{
    /// <summary>The brand as it stands; a brand never configured has an empty name and default settings.</summary>
    Task<BrandSnapshot> GetAsync();

    /// <summary>The chat settings the brand's conversations run by.</summary>
    Task<BrandSettings> GetSettingsAsync();

    /// <summary>Sets the name (1 to 200 characters) and replaces the settings; refused when any value is out of range.</summary>
    Task<BrandOutcome> ConfigureAsync(string name, BrandSettings settings);

    /// <summary>Connects the brand's Twilio account; refused when a different account is connected (<c>twilio_account_exists</c>).</summary>
    Task<BrandOutcome> ConnectTwilioAsync(string phoneNumber, string accountSid, string authToken);

    /// <summary>Removes the brand's Twilio account, if any.</summary>
    Task<BrandOutcome> DisconnectTwilioAsync();

    /// <summary>Adds <paramref name="credits"/> credits (US$2 each); a repeated <paramref name="purchaseId"/> adds nothing.</summary>
    Task<CreditOutcome> PurchaseCreditsAsync(string purchaseId, long credits);

    /// <summary>
    /// Holds <paramref name="amountMicros"/> for <paramref name="messageId"/>: refused with
    /// <c>insufficient_credit</c> when more than available, with <c>reservation_conflict</c> when
    /// the id is reserved with another amount or already ended; the same reservation again is a no-op.
    /// </summary>
    Task<CreditOutcome> ReserveAsync(string messageId, long amountMicros);

    /// <summary>Bills the reservation of <paramref name="messageId"/>; unknown or ended ids change nothing.</summary>
    Task<CreditOutcome> SettleAsync(string messageId);

    /// <summary>Gives back the reservation of <paramref name="messageId"/>; unknown or ended ids change nothing.</summary>
    Task<CreditOutcome> ReleaseAsync(string messageId);
}
