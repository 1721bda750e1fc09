namespace Conversations.Client.Contracts;

/// <summary>
/// What a distribution would send, without sending: the recipients it would invite, by country; those
/// excluded as opted out or invalid; those the send policy refuses whatever happens, by reason
/// (<c>marketing_paused_us</c>: a marketing template to a US number), which are not billed; the total price (each invitation as priced for a
/// conversation with no open window) and the brand's available credit.
/// </summary>
public sealed record DistributionPreview(
    long Recipients,
    IReadOnlyList<DistributionCountry> ByCountry,
    long OptedOut,
    long Invalid,
    IReadOnlyDictionary<string, long> Refused,
    MoneyDto TotalPrice,
    MoneyDto AvailableCredit);
