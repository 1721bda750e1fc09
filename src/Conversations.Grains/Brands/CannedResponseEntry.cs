namespace Conversations.Grains.Brands;

/// <summary>What the Brand grain keeps of a canned response to check names are unique: its name and when it was created.</summary>
internal sealed record CannedResponseEntry(string Name, DateTimeOffset CreatedAt);
