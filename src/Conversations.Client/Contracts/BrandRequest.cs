namespace Conversations.Client.Contracts;

/// <summary><c>PUT /api/brands/{brandId}</c>.</summary>
public sealed record BrandRequest(string? Name, BrandSettingsDto? Settings);
