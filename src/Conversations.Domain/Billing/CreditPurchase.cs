using System.Globalization;
using Conversations.Domain.Common;

namespace Conversations.Domain.Billing;

/// <summary>
/// What buying credits costs: one credit adds US$2 to the balance and is charged US$2 plus a 3%
/// fee (US$2.06). A purchase is 1 to 100,000 credits.
/// </summary>
public static class CreditPurchase
{
    public const long CreditMicros = 2_000_000;
    public const long ChargePerCreditMicros = 2_060_000;

    public static SettingRange Credits { get; } = new("credits", 1, 100_000, 1);

    /// <summary>The amount added to the balance for <paramref name="credits"/> credits.</summary>
    public static Money ValueOf(int credits) => Money.FromUsdMicros(checked(credits * CreditMicros));

    /// <summary>The amount charged for <paramref name="credits"/> credits, fee included.</summary>
    public static Money ChargeFor(int credits) => Money.FromUsdMicros(checked(credits * ChargePerCreditMicros));

    public static Refusal? Check(long credits) => Credits.Check(credits) is { } refusal
        ? refusal with
        {
            Message = string.Create(CultureInfo.InvariantCulture, $"credits must be a whole number from 1 to 100,000; got {credits:N0}."),
        }
        : null;
}
