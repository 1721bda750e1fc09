namespace Conversations.Grains.Secrets;

/// <summary>Where the <see cref="IKeyRingGrain"/> keeps the key ring, for readers of its rows.</summary>
public static class KeyRingRows
{
    /// <summary>The grain kind of the key ring.</summary>
    public const string Kind = "keyring";

    /// <summary>The key of the one key ring grain.</summary>
    public const string GrainKey = "keyring";

    public const string Collection = "dataprotection_keys";

    public const string Partition = "keyring";
}
