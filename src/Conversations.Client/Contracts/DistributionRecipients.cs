namespace Conversations.Client.Contracts;

/// <summary>Exactly one of: a contact list's id, or phone numbers (any common format: <c>+1 (202) 555-0100</c>).</summary>
public sealed record DistributionRecipients(string? List = null, IReadOnlyList<string>? Phones = null);
