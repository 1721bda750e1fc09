namespace Conversations.Client.Contracts;

/// <summary>A sandbox number: messages to and from it are simulated.</summary>
public sealed record SandboxNumberView(string PhoneNumber);
