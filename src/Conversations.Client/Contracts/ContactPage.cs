namespace Conversations.Client.Contracts;

/// <summary>A page of contacts by ascending phone; <see cref="NextCursor"/> fetches the next, null on the last page.</summary>
public sealed record ContactPage(IReadOnlyList<ContactView> Items, string? NextCursor);
