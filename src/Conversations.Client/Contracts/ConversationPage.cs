namespace Conversations.Client.Contracts;

/// <summary>A page of conversations, most recent activity first; <see cref="NextCursor"/> fetches the next.</summary>
public sealed record ConversationPage(IReadOnlyList<ConversationListItem> Items, string? NextCursor);
