namespace Conversations.Client.Contracts;

/// <summary>
/// A brand as the API shows it (no secret ever appears here): of the outgoing webhook's signing
/// secret, only whether one is set.
/// </summary>
public sealed record BrandResponse(
    string BrandId, string Name, BrandSettingsDto Settings, TwilioAccountView? Twilio, DateTimeOffset? CreatedAt, bool OutgoingWebhookSecretSet = false);
