namespace Conversations.Client.Contracts;

/// <summary><c>PUT /api/brands/{brandId}/accounts/meta/{phoneNumberId}</c>.</summary>
public sealed record MetaAccountRequest(string? WabaId, string? WabaName, string? PhoneNumber, string? DisplayName, string? AccessToken);
