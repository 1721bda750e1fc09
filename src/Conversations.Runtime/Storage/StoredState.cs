namespace Conversations.Runtime.Storage;

/// <summary>A grain's stored state: its version (0 = never written) and payload (<see langword="null"/> for never written or a tombstone).</summary>
public sealed record StoredState(long Version, byte[]? Payload)
{
    public static StoredState None { get; } = new(0, null);
}
