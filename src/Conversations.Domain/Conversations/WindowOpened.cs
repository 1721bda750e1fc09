using Conversations.Domain.Common;

namespace Conversations.Domain.Conversations;

/// <summary>A customer message opened or extended the 24-hour window.</summary>
public sealed record WindowOpened(DateTimeOffset ExpiresAt) : Effect;
