using Npgsql;

namespace Conversations.Silo.Media;

/// <summary>
/// The cluster store: rows in <c>media</c> and bytes in <c>media_chunks</c> (one <c>bytea</c> row per
/// 256 KiB chunk) of the shared PostgreSQL database, so any node serves any media. A file's chunks and
/// its row commit in one transaction: a row always has all its chunks. <c>media_sends</c> notes in which
/// conversations, and when last, each upload was sent (for retention and erasure). The tables are the store's own
/// (<c>CREATE TABLE IF NOT EXISTS</c> under an advisory lock): the grain storage's migrations know nothing of media.
/// </summary>
internal sealed class PostgresMediaStore(string connectionString, TimeProvider time) : IMediaStore, IAsyncDisposable
{
    /// <summary>Serialises table creation of nodes starting at once (an arbitrary constant, not the runtime's).</summary>
    private const long CreateLock = 0x6d65646961737472;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var statement in (string[])[
            $"SELECT pg_advisory_xact_lock({CreateLock})",
            """
            CREATE TABLE IF NOT EXISTS media (
                brand_id text COLLATE "C" NOT NULL, media_id text COLLATE "C" NOT NULL, content_type text NOT NULL, file_name text NULL,
                size bigint NOT NULL, sha256 text NOT NULL, origin text NOT NULL, created_at bigint NOT NULL,
                PRIMARY KEY (brand_id, media_id))
            """,
            """
            CREATE TABLE IF NOT EXISTS media_chunks (
                brand_id text COLLATE "C" NOT NULL, media_id text COLLATE "C" NOT NULL, seq integer NOT NULL, data bytea NOT NULL,
                PRIMARY KEY (brand_id, media_id, seq))
            """,
            """
            CREATE TABLE IF NOT EXISTS media_sends (
                brand_id text COLLATE "C" NOT NULL, media_id text COLLATE "C" NOT NULL, conversation_id text COLLATE "C" NOT NULL, sent_at bigint NOT NULL,
                PRIMARY KEY (brand_id, media_id, conversation_id))
            """,
            "CREATE INDEX IF NOT EXISTS media_sends_conversation ON media_sends (brand_id, conversation_id)"])
        {
            await using var command = new NpgsqlCommand(statement, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<MediaSave> SaveAsync(NewMedia media, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(media);
        using var chunks = new MediaChunks(content, maxBytes);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var seq = 0;
            ReadOnlyMemory<byte> chunk;
            while (!(chunk = await chunks.NextAsync(cancellationToken)).IsEmpty)
            {
                await using var insert = new NpgsqlCommand(
                    "INSERT INTO media_chunks (brand_id, media_id, seq, data) VALUES ($1, $2, $3, $4)", connection, transaction);
                insert.Parameters.Add(new() { Value = media.BrandId });
                insert.Parameters.Add(new() { Value = media.MediaId });
                insert.Parameters.Add(new() { Value = seq++ });
                insert.Parameters.Add(new() { Value = chunk.ToArray() });
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            if (chunks.TooLarge)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new MediaSave(null, chunks.Size);
            }

            var stored = new StoredMedia(media.BrandId, media.MediaId, media.ContentType, media.FileName, chunks.Size, chunks.Sha256(), media.Origin, time.GetUtcNow());
            await using (var row = new NpgsqlCommand(
                "INSERT INTO media (brand_id, media_id, content_type, file_name, size, sha256, origin, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                connection, transaction))
            {
                foreach (var value in new object[] { stored.BrandId, stored.MediaId, stored.ContentType, (object?)stored.FileName ?? DBNull.Value, stored.Size, stored.Sha256, stored.Origin, stored.CreatedAt.ToUnixTimeMilliseconds() })
                {
                    row.Parameters.Add(new() { Value = value });
                }

                await row.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return new MediaSave(stored, chunks.Size);
        }
        catch (PostgresException conflict) when (conflict.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another node stored this id first (two first fetches of one inbound media): its row stands.
            await transaction.RollbackAsync(CancellationToken.None);
            return new MediaSave(await FindAsync(media.BrandId, media.MediaId, cancellationToken), chunks.Size);
        }
    }

    public async Task<StoredMedia?> FindAsync(string brandId, string mediaId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT content_type, file_name, size, sha256, origin, created_at FROM media WHERE brand_id = $1 AND media_id = $2");
        command.Parameters.Add(new() { Value = brandId });
        command.Parameters.Add(new() { Value = mediaId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
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
        ArgumentNullException.ThrowIfNull(destination);
        await using var command = _dataSource.CreateCommand(
            "SELECT data FROM media_chunks WHERE brand_id = $1 AND media_id = $2 ORDER BY seq");
        command.Parameters.Add(new() { Value = media.BrandId });
        command.Parameters.Add(new() { Value = media.MediaId });
        // Sequential access: each chunk is streamed from the socket, never the whole result.
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            await using var chunk = await reader.GetStreamAsync(0, cancellationToken);
            await chunk.CopyToAsync(destination, cancellationToken);
        }
    }

    public async Task<int> DeleteInboundAsync(string brandId, string conversationId, CancellationToken cancellationToken, long? beforeSeq = null)
    {
        var suffix = "-" + conversationId;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var ids = new List<string>();
        await using (var select = new NpgsqlCommand("SELECT media_id FROM media WHERE brand_id = $1 AND media_id LIKE 'in-%' AND right(media_id, $3) = $2", connection))
        {
            select.Parameters.Add(new() { Value = brandId });
            select.Parameters.Add(new() { Value = suffix });
            select.Parameters.Add(new() { Value = suffix.Length });
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
        await using var upsert = _dataSource.CreateCommand(
            """
            INSERT INTO media_sends (brand_id, media_id, conversation_id, sent_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (brand_id, media_id, conversation_id) DO UPDATE SET sent_at = GREATEST(media_sends.sent_at, excluded.sent_at)
            """);
        foreach (var value in new object[] { brandId, mediaId, conversationId, time.GetUtcNow().ToUnixTimeMilliseconds() })
        {
            upsert.Parameters.Add(new() { Value = value });
        }

        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeleteSentInAsync(string brandId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await IdsAsync(
            connection,
            """
            SELECT s.media_id FROM media_sends s JOIN media m ON m.brand_id = s.brand_id AND m.media_id = s.media_id AND m.origin = 'outbound'
            WHERE s.brand_id = $1 AND s.conversation_id = $2
              AND NOT EXISTS (SELECT 1 FROM media_sends o WHERE o.brand_id = s.brand_id AND o.media_id = s.media_id AND o.conversation_id <> s.conversation_id)
            """,
            brandId, conversationId, cancellationToken);
        await DeleteAsync(connection, brandId, ids, cancellationToken);
        await using var forget = new NpgsqlCommand("DELETE FROM media_sends WHERE brand_id = $1 AND conversation_id = $2", connection);
        forget.Parameters.Add(new() { Value = brandId });
        forget.Parameters.Add(new() { Value = conversationId });
        await forget.ExecuteNonQueryAsync(cancellationToken);
        return ids.Count;
    }

    public async Task<int> DeleteOutboundBeforeAsync(string brandId, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await IdsAsync(
            connection,
            """
            SELECT m.media_id FROM media m
            WHERE m.brand_id = $1 AND m.origin = 'outbound' AND m.created_at < $2
              AND NOT EXISTS (SELECT 1 FROM media_sends s WHERE s.brand_id = m.brand_id AND s.media_id = m.media_id AND s.sent_at >= $2)
            """,
            brandId, cutoff.ToUnixTimeMilliseconds(), cancellationToken);
        await DeleteAsync(connection, brandId, ids, cancellationToken);
        return ids.Count;
    }

    public async Task<IReadOnlyList<string>> ListOutboundBrandsAsync(CancellationToken cancellationToken)
    {
        await using var select = _dataSource.CreateCommand("SELECT DISTINCT brand_id FROM media WHERE origin = 'outbound'");
        var brands = new List<string>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            brands.Add(reader.GetString(0));
        }

        return brands;
    }

    private static async Task<List<string>> IdsAsync(NpgsqlConnection connection, string sql, string brandId, object value, CancellationToken cancellationToken)
    {
#pragma warning disable CA2100 // SQL text is a constant of this class; every value is a parameter.
        await using var select = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        select.Parameters.Add(new() { Value = brandId });
        select.Parameters.Add(new() { Value = value });
        var ids = new List<string>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Deletes the media's chunks, rows and sends in one transaction.</summary>
    private static async Task DeleteAsync(NpgsqlConnection connection, string brandId, List<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in (string[])["media_chunks", "media", "media_sends"])
        {
            await using var delete = new NpgsqlCommand($"DELETE FROM {table} WHERE brand_id = $1 AND media_id = ANY($2)", connection, transaction);
            delete.Parameters.Add(new() { Value = brandId });
            delete.Parameters.Add(new() { Value = ids.ToArray() });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
