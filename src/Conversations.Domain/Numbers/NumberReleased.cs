using Conversations.Domain.Common;

namespace Conversations.Domain.Numbers;

/// <summary>A business number was disconnected from a brand.</summary>
public sealed record NumberReleased(string BrandId) : Effect;
