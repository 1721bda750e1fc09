using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Conversations.Silo.Media;

/// <summary>
/// The embedded store: bytes in files under <c>{data folder}/media/</c>, rows in a <c>media</c> table of
/// the SQLite database. A file is written under a temporary name and moved into place before its row
/// is inserted, so a row always names a complete file. File names are the hash of brand and id: no id,
/// whatever it holds, can name a path outside the folder.
/// </summary>
internal sealed class SqliteMediaStore(string connectionString, string dataFolder, TimeProvider time) : IMediaStore
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 }.ToString();
    private readonly string _folder = Path.Combine(dataFolder, "media");

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS media (
                brand_id TEXT NOT NULL, media_id TEXT NOT NULL, content_type TEXT NOT NULL, file_name TEXT NULL,
                size INTEGER NOT NULL, sha256 TEXT NOT NULL, origin TEXT NOT NULL, created_at INTEGER NOT NULL,
                PRIMARY KEY (brand_id, media_id))
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
        foreach (var id in ids)
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM media WHERE brand_id = $brand AND media_id = $id";
            delete.Parameters.AddWithValue("$brand", brandId);
            delete.Parameters.AddWithValue("$id", id);
            await delete.ExecuteNonQueryAsync(cancellationToken);
            File.Delete(PathOf(brandId, id));
        }

        return ids.Count;
    }

    private string PathOf(string brandId, string mediaId) =>
        Path.Combine(_folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{brandId}\n{mediaId}"))));

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
