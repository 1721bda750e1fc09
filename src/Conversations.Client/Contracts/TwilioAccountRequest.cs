namespace Conversations.Client.Contracts;

/// <summary><c>PUT /api/brands/{brandId}/accounts/twilio</c>: digits-only number, SID <c>AC</c> + 32 hex, token 32 hex.</summary>
public sealed record TwilioAccountRequest(string? PhoneNumber, string? AccountSid, string? AuthToken);
