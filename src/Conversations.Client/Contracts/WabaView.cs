namespace Conversations.Client.Contracts;

/// <summary>A WhatsApp Business Account with its numbers.</summary>
public sealed record WabaView(string WabaId, string WabaName, IReadOnlyList<MetaNumberView> Numbers);
