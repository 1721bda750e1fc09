namespace Conversations.Silo.Secrets;

/// <summary>The 32-byte key that encrypts the Data Protection key ring; never logged, never shown.</summary>
internal sealed class MasterKey
{
    public const int Length = 32;

    private readonly byte[] _bytes;

    private MasterKey(byte[] bytes) => _bytes = bytes;

    public ReadOnlySpan<byte> Bytes => _bytes;

    public static bool IsValid(string base64) => TryParse(base64, out _);

    public static bool TryParse(string? base64, out MasterKey? key)
    {
        key = null;
        var buffer = new byte[Length + 1];
        if (base64 is null || !Convert.TryFromBase64String(base64.Trim(), buffer, out var written) || written != Length)
        {
            return false;
        }

        key = new MasterKey(buffer[..Length]);
        return true;
    }

    public static MasterKey Generate() => new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(Length));

    public string ToBase64() => Convert.ToBase64String(_bytes);

    /// <summary>Not the key: this type must never print its bytes, whoever formats it.</summary>
    public override string ToString() => "MasterKey(****)";
}
