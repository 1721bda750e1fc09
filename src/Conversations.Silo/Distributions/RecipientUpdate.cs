namespace Conversations.Silo.Distributions;

/// <summary>The run's outcome for one recipient: the status it reached (only forward), why it failed, and our message id when queued.</summary>
public sealed record RecipientUpdate(string Phone, string Status, string? Reason, string? MessageId);
