namespace Conversations.Client.Contracts;

/// <summary>
/// <c>POST</c> or <c>PUT /api/brands/{brandId}/canned-responses</c>: a name (1 to 100 characters,
/// unique within the brand ignoring case) and a text (1 to 4,096 characters) with fields such as
/// <c>{{customer.name}}</c> or, with a fallback, <c>{{customer.name|there}}</c>.
/// </summary>
public sealed record CannedResponseRequest(string? Name, string? Text);
