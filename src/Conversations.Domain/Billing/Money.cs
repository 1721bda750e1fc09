using System.Globalization;

namespace Conversations.Domain.Billing;

/// <summary>
/// An amount in integer micro-units of a currency (<c>25000</c> micro-USD is US$0.025). The ledger
/// never uses floating point.
/// </summary>
public readonly record struct Money(long AmountMicros, string Currency)
{
    public const string Usd = "USD";
    public const long MicrosPerUnit = 1_000_000;

    public static Money Zero { get; } = new(0, Usd);

    public static Money FromUsdMicros(long micros) => new(micros, Usd);

    public static Money operator +(Money a, Money b) => new(checked(a.AmountMicros + b.AmountMicros), SameCurrency(a, b));

    public static Money operator -(Money a, Money b) => new(checked(a.AmountMicros - b.AmountMicros), SameCurrency(a, b));

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public bool IsZero => AmountMicros == 0;

    private static string SameCurrency(Money a, Money b) =>
        a.Currency == b.Currency ? a.Currency : throw new InvalidOperationException($"Cannot combine {a.Currency} with {b.Currency}.");

    /// <summary>E.g. <c>USD 0.025000</c>: exact, for logs and messages to people.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(AmountMicros < 0 ? "-" : string.Empty)}{Currency} {Math.Abs(AmountMicros) / MicrosPerUnit}.{Math.Abs(AmountMicros) % MicrosPerUnit:D6}");
}
