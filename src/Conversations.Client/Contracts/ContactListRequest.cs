namespace Conversations.Client.Contracts;

/// <summary>A new contact list: an id unique within the brand (letters, digits, <c>_ . -</c>, up to 64) and a name (1 to 200 characters).</summary>
public sealed record ContactListRequest(string? Id, string? Name);
