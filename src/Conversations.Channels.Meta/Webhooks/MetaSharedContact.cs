namespace Conversations.Channels.Meta.Webhooks;

/// <summary>A contact card the customer shared (type <c>contacts</c>): its name and phone numbers as sent.</summary>
public sealed record MetaSharedContact(string? FormattedName, IReadOnlyList<string> Phones);
