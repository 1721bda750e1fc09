using Conversations.Domain.Common;

namespace Conversations.Domain.Conversations;

/// <summary>Offensive words were counted in a customer message.</summary>
public sealed record ProfanityCounted(int ChatNumber, int Found, int Total) : Effect;
