namespace Conversations.Client.Contracts;

/// <summary>A canned response, with the fields its text uses (e.g. <c>customer.name</c>), each once.</summary>
public sealed record CannedResponseView(string Id, string Name, string Text, IReadOnlyList<string> Fields, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
