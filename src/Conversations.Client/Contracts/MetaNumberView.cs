namespace Conversations.Client.Contracts;

/// <summary>A number of a WhatsApp Business Account (its access token is never returned).</summary>
public sealed record MetaNumberView(string PhoneNumberId, string PhoneNumber, string DisplayName);
