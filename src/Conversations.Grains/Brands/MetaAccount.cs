namespace Conversations.Grains.Brands;

/// <summary>
/// A number connected through Meta's Cloud API: its phone-number id, WABA, number and display
/// name, and its access token — stored only in protected (encrypted) form, never returned.
/// </summary>
public sealed record MetaAccount(string PhoneNumberId, string WabaId, string WabaName, string PhoneNumber, string DisplayName, string ProtectedAccessToken);
