using Conversations.Domain.Common;

namespace Conversations.Domain.Brands;

/// <summary>The rules of a brand's configuration: valid settings, one Twilio account at a time.</summary>
public static class BrandRules
{
    /// <summary>Replaces the settings when every value is in range; otherwise refuses with the first out-of-range one.</summary>
    public static Decision<BrandState> ChangeSettings(BrandState state, BrandSettings settings)
    {
        var refusals = settings.Validate();
        return refusals.Count == 0
            ? Decision<BrandState>.Accept(state with { Settings = settings })
            : Decision<BrandState>.Refuse(state, refusals[0]);
    }

    /// <summary>
    /// Connects the brand's Twilio account. A second account is refused with
    /// <c>twilio_account_exists</c> until the first is removed; connecting the same account
    /// again (same SID and number) replaces its token, e.g. after a token rotation.
    /// </summary>
    public static Decision<BrandState> ConnectTwilio(BrandState state, TwilioAccount account)
    {
        if (state.Twilio is { } existing
            && (existing.AccountSid != account.AccountSid || existing.PhoneNumber != account.PhoneNumber))
        {
            return Decision<BrandState>.Refuse(state, new Refusal(
                RefusalCodes.TwilioAccountExists,
                $"This brand already has a Twilio account (number {existing.PhoneNumber}); remove it before connecting another.",
                "accountSid"));
        }

        return Decision<BrandState>.Accept(state with { Twilio = account });
    }

    public static Decision<BrandState> DisconnectTwilio(BrandState state) =>
        Decision<BrandState>.Accept(state with { Twilio = null });
}
