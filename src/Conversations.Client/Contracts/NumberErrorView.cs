namespace Conversations.Client.Contracts;

/// <summary>A number error the brand must be shown, with its cause and its fix.</summary>
public sealed record NumberErrorView(string Code, string Title, string Cause, string Fix);
