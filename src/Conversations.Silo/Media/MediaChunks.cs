using System.Security.Cryptography;

namespace Conversations.Silo.Media;

/// <summary>Reads content in fixed-size chunks while counting and hashing it, for both stores.</summary>
internal sealed class MediaChunks(Stream content, long maxBytes) : IDisposable
{
    /// <summary>One PostgreSQL row, one file write: large enough for few round trips, small enough to stream.</summary>
    public const int ChunkSize = 256 * 1024;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[ChunkSize];

    public long Size { get; private set; }

    /// <summary>True once more than the limit was read; the caller stops and keeps nothing.</summary>
    public bool TooLarge => Size > maxBytes;

    /// <summary>The next chunk (full unless it is the last), or empty at the end or once over the limit.</summary>
    public async Task<ReadOnlyMemory<byte>> NextAsync(CancellationToken cancellationToken)
    {
        if (TooLarge)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var filled = 0;
        int read;
        while (filled < _buffer.Length && (read = await content.ReadAsync(_buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        Size += filled;
        _hash.AppendData(_buffer, 0, filled);
        return TooLarge ? ReadOnlyMemory<byte>.Empty : _buffer.AsMemory(0, filled);
    }

    /// <summary>The lower-case hex SHA-256 of everything read.</summary>
    public string Sha256() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();
}
