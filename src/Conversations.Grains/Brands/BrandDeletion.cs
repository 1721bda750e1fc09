namespace Conversations.Grains.Brands;

/// <summary>What a deleted brand held: the numbers to release (Twilio, Meta and sandbox).</summary>
public sealed record BrandDeletion(bool Existed, IReadOnlyList<string> Numbers);
