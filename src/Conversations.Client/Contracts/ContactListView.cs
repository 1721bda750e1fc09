namespace Conversations.Client.Contracts;

/// <summary>A contact list and how many contacts it holds.</summary>
public sealed record ContactListView(string Id, string Name, DateTimeOffset CreatedAt, long MemberCount);
