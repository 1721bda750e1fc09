namespace Conversations.Client.Contracts;

/// <summary>A page of the transcript, newest first; <see cref="NextCursor"/> fetches older entries.</summary>
public sealed record MessagePage(IReadOnlyList<MessageView> Items, string? NextCursor);
