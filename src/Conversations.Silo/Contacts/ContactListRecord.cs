namespace Conversations.Silo.Contacts;

/// <summary>A brand's contact list (an id unique within the brand, a name) and how many contacts it holds.</summary>
public sealed record ContactListRecord(string Id, string Name, DateTimeOffset CreatedAt, long MemberCount);
