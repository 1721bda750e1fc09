using System.Security.Cryptography;
using System.Text;
using Conversations.Runtime.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Conversations.Silo.Media;

/// <summary>
/// The embedded store: bytes in files under <c>{data folder}/media/</c>, rows in a <c>media</c> table of
/// the SQLite database. A file is written under a temporary name and moved into place before its row
/// is inserted, so a row always names a complete file. <c>media_sends</c> notes in which conversations, and
/// when last, each upload was sent (for retention and erasure). File names are the hash of brand and id: no id,
/// whatever it holds, can name a path outside the folder. Every write takes the file's <see cref="SqliteWriteGate"/> first.
/// </summary>
internal sealed class SqliteMediaStore(string connectionString, string dataFolder, TimeProvider time) : IMediaStore
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 }.ToString();
    private readonly string _folder = Path.Combine(dataFolder, "media");

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS media (
                brand_id TEXT NOT NULL, media_id TEXT NOT NULL, content_type TEXT NOT NULL, file_name TEXT NULL,
                size INTEGER NOT NULL, sha256 TEXT NOT NULL, origin TEXT NOT NULL, created_at INTEGER NOT NULL,
                PRIMARY KEY (brand_id, media_id));
            CREATE TABLE IF NOT EXISTS media_sends (
                brand_id TEXT NOT NULL, media_id TEXT NOT NULL, conversation_id TEXT NOT NULL, sent_at INTEGER NOT NULL,
                PRIMARY KEY (brand_id, media_id, conversation_id));
            CREATE INDEX IF NOT EXISTS media_sends_conversation ON media_sends (brand_id, conversation_id);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<MediaSave> SaveAsync(NewMedia media, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(_folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            using var chunks = new MediaChunks(content, maxBytes);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous))
            {
                ReadOnlyMemory<byte> chunk;
                while (!(chunk = await chunks.NextAsync(cancellationToken)).IsEmpty)
                {
                    await file.WriteAsync(chunk, cancellationToken);
                }

                if (chunks.TooLarge)
                {
                    return new MediaSave(null, chunks.Size);
                }

                await file.FlushAsync(cancellationToken);
            }

            var stored = new StoredMedia(media.BrandId, media.MediaId, media.ContentType, media.FileName, chunks.Size, chunks.Sha256(), media.Origin, time.GetUtcNow());
            var path = PathOf(media.BrandId, media.MediaId);
            if (File.Exists(path))
            {
                // Stored already (a racing first fetch): the first row and file stand.
                return new MediaSave(await FindAsync(media.BrandId, media.MediaId, cancellationToken) ?? stored, chunks.Size);
            }

            File.Move(temporary, path, overwrite: true);
            using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
            await using var connection = await OpenAsync(cancellationToken);
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO media (brand_id, media_id, content_type, file_name, size, sha256, origin, created_at)
                VALUES ($brand, $id, $type, $name, $size, $sha, $origin, $at) ON CONFLICT DO NOTHING
                """;
            insert.Parameters.AddWithValue("$brand", stored.BrandId);
            insert.Parameters.AddWithValue("$id", stored.MediaId);
            insert.Parameters.AddWithValue("$type", stored.ContentType);
            insert.Parameters.AddWithValue("$name", (object?)stored.FileName ?? DBNull.Value);
            insert.Parameters.AddWithValue("$size", stored.Size);
            insert.Parameters.AddWithValue("$sha", stored.Sha256);
            insert.Parameters.AddWithValue("$origin", stored.Origin);
            insert.Parameters.AddWithValue("$at", stored.CreatedAt.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(cancellationToken);
            return new MediaSave(await FindAsync(media.BrandId, media.MediaId, cancellationToken) ?? stored, chunks.Size);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<StoredMedia?> FindAsync(string brandId, string mediaId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT content_type, file_name, size, sha256, origin, created_at FROM media WHERE brand_id = $brand AND media_id = $id
            """;
        command.Parameters.AddWithValue("$brand", brandId);
        command.Parameters.AddWithValue("$id", mediaId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || !File.Exists(PathOf(brandId, mediaId)))
        {
            return null;
        }

        return new StoredMedia(
            brandId, mediaId, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
            reader.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));
    }

    public async Task CopyToAsync(StoredMedia media, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(media);
        await using var file = new FileStream(PathOf(media.BrandId, media.MediaId), FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await file.CopyToAsync(destination, MediaChunks.ChunkSize, cancellationToken);
    }

    public async Task<int> DeleteInboundAsync(string brandId, string conversationId, CancellationToken cancellationToken, long? beforeSeq = null)
    {
        var suffix = "-" + conversationId;
        await using var connection = await OpenAsync(cancellationToken);
        var ids = new List<string>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT media_id FROM media WHERE brand_id = $brand AND media_id LIKE 'in-%' AND substr(media_id, -$length) = $suffix";
            select.Parameters.AddWithValue("$brand", brandId);
            select.Parameters.AddWithValue("$length", suffix.Length);
            select.Parameters.AddWithValue("$suffix", suffix);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }

        ids.RemoveAll(id => !MediaRetention.IsBefore(id, beforeSeq));
        await DeleteAsync(connection, brandId, ids, cancellationToken);
        return ids.Count;
    }

    public async Task RecordSendAsync(string brandId, string mediaId, string conversationId, CancellationToken cancellationToken)
    {
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO media_sends (brand_id, media_id, conversation_id, sent_at) VALUES ($brand, $id, $conversation, $at)
            ON CONFLICT (brand_id, media_id, conversation_id) DO UPDATE SET sent_at = max(sent_at, excluded.sent_at)
            """;
        upsert.Parameters.AddWithValue("$brand", brandId);
        upsert.Parameters.AddWithValue("$id", mediaId);
        upsert.Parameters.AddWithValue("$conversation", conversationId);
        upsert.Parameters.AddWithValue("$at", time.GetUtcNow().ToUnixTimeMilliseconds());
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeleteSentInAsync(string brandId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var ids = await IdsAsync(
            connection,
            """
            SELECT s.media_id FROM media_sends s JOIN media m ON m.brand_id = s.brand_id AND m.media_id = s.media_id AND m.origin = 'outbound'
            WHERE s.brand_id = $brand AND s.conversation_id = $value
              AND NOT EXISTS (SELECT 1 FROM media_sends o WHERE o.brand_id = s.brand_id AND o.media_id = s.media_id AND o.conversation_id <> s.conversation_id)
            """,
            brandId, conversationId, cancellationToken);
        await DeleteAsync(connection, brandId, ids, cancellationToken);
        await using var forget = connection.CreateCommand();
        forget.CommandText = "DELETE FROM media_sends WHERE brand_id = $brand AND conversation_id = $conversation";
        forget.Parameters.AddWithValue("$brand", brandId);
        forget.Parameters.AddWithValue("$conversation", conversationId);
        using (await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken))
        {
            await forget.ExecuteNonQueryAsync(cancellationToken);
        }

        return ids.Count;
    }

    public async Task<int> DeleteOutboundBeforeAsync(string brandId, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var ids = await IdsAsync(
            connection,
            """
            SELECT m.media_id FROM media m
            WHERE m.brand_id = $brand AND m.origin = 'outbound' AND m.created_at < $value
              AND NOT EXISTS (SELECT 1 FROM media_sends s WHERE s.brand_id = m.brand_id AND s.media_id = m.media_id AND s.sent_at >= $value)
            """,
            brandId, cutoff.ToUnixTimeMilliseconds(), cancellationToken);
        await DeleteAsync(connection, brandId, ids, cancellationToken);
        return ids.Count;
    }

    public async Task<IReadOnlyList<string>> ListOutboundBrandsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT DISTINCT brand_id FROM media WHERE origin = 'outbound'";
        var brands = new List<string>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            brands.Add(reader.GetString(0));
        }

        return brands;
    }

    private static async Task<List<string>> IdsAsync(SqliteConnection connection, string sql, string brandId, object value, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
#pragma warning disable CA2100 // SQL text is a constant of this class; every value is a parameter.
        select.CommandText = sql;
#pragma warning restore CA2100
        select.Parameters.AddWithValue("$brand", brandId);
        select.Parameters.AddWithValue("$value", value);
        var ids = new List<string>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Deletes the rows (media and sends) first, then the file: no row ever names a missing file.</summary>
    private async Task DeleteAsync(SqliteConnection connection, string brandId, List<string> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM media WHERE brand_id = $brand AND media_id = $id; DELETE FROM media_sends WHERE brand_id = $brand AND media_id = $id";
            delete.Parameters.AddWithValue("$brand", brandId);
            delete.Parameters.AddWithValue("$id", id);
            using (await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken))
            {
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            File.Delete(PathOf(brandId, id));
        }
    }

    private string PathOf(string brandId, string mediaId) =>
        Path.Combine(_folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{brandId}\n{mediaId}"))));

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // As the grain storage: a deleted row (a file name, a conversation id with the customer's number) is
        // overwritten, not left in a free page. Per connection, and SQLite's default is off.
        await using var secure = connection.CreateCommand();
        secure.CommandText = "PRAGMA secure_delete=ON";
        await secure.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
