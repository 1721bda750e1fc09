using System.Text;

namespace Conversations.Runtime.Grains;

/// <summary>
/// A grain's identity: its kind and its string key, compared ordinally as text. Keys are never
/// parsed (an all-digit key such as <c>"020235"</c> stays distinct from <c>"20235"</c>), and two
/// kinds with the same key are two grains.
/// </summary>
public readonly record struct GrainId
{
    public const int MaxKeyLength = 256;

    public GrainId(string kind, string key)
    {
        Validate(kind, nameof(kind));
        Validate(key, nameof(key));
        Kind = kind;
        Key = key;
    }

    public string Kind { get; }

    public string Key { get; }

    public override string ToString() => $"{Kind}/{Key}";

    /// <summary>Refuses an empty key, one longer than 256 characters, or one holding U+0000 or an unpaired surrogate.</summary>
    private static void Validate(string value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length == 0)
        {
            throw new ArgumentException($"A grain {name} cannot be empty.", name);
        }

        if (value.Length > MaxKeyLength)
        {
            throw new ArgumentException($"A grain {name} is at most {MaxKeyLength} characters; this one has {value.Length}.", name);
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A grain {name} cannot contain U+0000.", name);
        }

        if (Rune.DecodeFromUtf16(value, out _, out _) == System.Buffers.OperationStatus.InvalidData || HasUnpairedSurrogate(value))
        {
            throw new ArgumentException($"A grain {name} cannot contain an unpaired UTF-16 surrogate.", name);
        }
    }

    private static bool HasUnpairedSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return true;
                }

                i++;
            }
            else if (char.IsLowSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}
