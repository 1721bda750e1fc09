namespace Conversations.Client.Contracts;

/// <summary>A brand as the API shows it (no secret ever appears here).</summary>
public sealed record BrandResponse(string BrandId, string Name, BrandSettingsDto Settings, TwilioAccountView? Twilio, DateTimeOffset? CreatedAt);
