namespace Conversations.Client.Contracts;

/// <summary>A template to send: its name, language and positional parameters.</summary>
public sealed record TemplateMessageDto(string? Name, string? Language, IReadOnlyList<string>? Parameters);
