using Conversations.Domain.Billing;

namespace Conversations.Domain.Brands;

/// <summary>
/// What the Brand grain owns: its name and settings, its Twilio account (at most one, the
/// Qualtrics model), and its credits. Templates and Meta/sandbox numbers are added by later issues
/// through the same state.
/// </summary>
public sealed record BrandState(string Name, BrandSettings Settings, TwilioAccount? Twilio, CreditLedger Credits)
{
    public static BrandState New(string name) => new(name, BrandSettings.Default, null, CreditLedger.Empty);
}
