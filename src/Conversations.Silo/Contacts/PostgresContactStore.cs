using Conversations.Domain.Contacts;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Silo.Contacts;

/// <summary>
/// Contacts in the shared PostgreSQL database, so every node sees every import. An import batch is one
/// transaction: a per-brand advisory lock (two imports of one brand cannot interleave their read and write),
/// one read of the stored contacts (<c>phone = ANY</c>), and one <c>INSERT … SELECT FROM unnest(…) ON CONFLICT
/// DO UPDATE</c> of every created or changed contact, arrays as parameters. An import never writes the
/// opt-out columns. The tables are the store's own (<c>CREATE TABLE IF NOT EXISTS</c> under an advisory
/// lock). Times are Unix milliseconds, as in the runtime's tables.
/// </summary>
internal sealed class PostgresContactStore(string connectionString) : IContactStore, IAsyncDisposable
{
    /// <summary>Serialises table creation of nodes starting at once (an arbitrary constant, not the runtime's).</summary>
    private const long CreateLock = 0x636f6e7461637473;

    /// <summary>The first key of the per-brand import lock (the second is the brand's hash).</summary>
    private const int ImportLockSpace = 0x636f6e74;

    private const string Columns = "phone, first_name, last_name, language, data::text, opted_out, opted_out_at, opt_out_source, created_at, updated_at";

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var statement in (string[])[
            $"SELECT pg_advisory_xact_lock({CreateLock})",
            """
            CREATE TABLE IF NOT EXISTS contacts (
                brand text COLLATE "C" NOT NULL, phone text COLLATE "C" NOT NULL, first_name text NULL, last_name text NULL, language text NULL,
                data jsonb NOT NULL DEFAULT '{}', opted_out boolean NOT NULL DEFAULT false, opted_out_at bigint NULL, opt_out_source text NULL,
                created_at bigint NOT NULL, updated_at bigint NOT NULL,
                PRIMARY KEY (brand, phone))
            """,
            """
            CREATE TABLE IF NOT EXISTS contact_lists (
                brand text COLLATE "C" NOT NULL, list_id text COLLATE "C" NOT NULL, name text NOT NULL, created_at bigint NOT NULL,
                PRIMARY KEY (brand, list_id))
            """,
            """
            CREATE TABLE IF NOT EXISTS contact_list_members (
                brand text COLLATE "C" NOT NULL, list_id text COLLATE "C" NOT NULL, phone text COLLATE "C" NOT NULL,
                PRIMARY KEY (brand, list_id, phone))
            """,
            "CREATE INDEX IF NOT EXISTS contact_list_members_by_phone ON contact_list_members (brand, phone)"])
        {
            await using var command = new NpgsqlCommand(statement, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ContactRecord?> GetAsync(string brandId, string phone, CancellationToken cancellationToken) =>
        (await GetManyAsync(brandId, [phone], cancellationToken)) is [var found, ..] ? found : null;

    public async Task<IReadOnlyList<ContactRecord>> GetManyAsync(string brandId, IReadOnlyCollection<string> phones, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phones);
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM contacts WHERE brand = $1 AND phone = ANY($2)");
        command.Parameters.Add(new() { Value = brandId });
        command.Parameters.Add(new() { Value = phones.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<ContactRecord>> ListAsync(string brandId, string? list, string? afterPhone, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(list is null
            ? $"SELECT {Columns} FROM contacts WHERE brand = $1 AND phone > $2 ORDER BY phone LIMIT $3"
            : $"""
              SELECT {string.Join(", ", Columns.Split(", ").Select(c => "c." + c))} FROM contact_list_members m
              JOIN contacts c ON c.brand = m.brand AND c.phone = m.phone
              WHERE m.brand = $1 AND m.phone > $2 AND m.list_id = $4 ORDER BY m.phone LIMIT $3
              """);
        command.Parameters.Add(new() { Value = brandId });
        command.Parameters.Add(new() { Value = afterPhone ?? string.Empty });
        command.Parameters.Add(new() { Value = limit });
        if (list is not null)
        {
            command.Parameters.Add(new() { Value = list });
        }

        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<bool> ListExistsAsync(string brandId, string list, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT 1 FROM contact_lists WHERE brand = $1 AND list_id = $2");
        command.Parameters.Add(new() { Value = brandId });
        command.Parameters.Add(new() { Value = list });
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task SetOptOutAsync(string brandId, string phone, bool optedOut, string source, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO contacts (brand, phone, data, opted_out, opted_out_at, opt_out_source, created_at, updated_at)
            VALUES ($1, $2, '{}', $3, CASE WHEN $3 THEN $4 END, CASE WHEN $3 THEN $5 END, $4, $4)
            ON CONFLICT (brand, phone) DO UPDATE SET
                opted_out = $3, opted_out_at = CASE WHEN $3 THEN $4 END, opt_out_source = CASE WHEN $3 THEN $5 END, updated_at = $4
            WHERE contacts.opted_out <> $3
            """);
        command.Parameters.Add(new() { Value = brandId });
        command.Parameters.Add(new() { Value = phone });
        command.Parameters.Add(new() { Value = optedOut });
        command.Parameters.Add(new() { Value = at.ToUnixTimeMilliseconds() });
        command.Parameters.Add(new() { Value = source, NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ImportBatchResult> UpsertBatchAsync(
        string brandId, string? list, IReadOnlyList<ContactImportRow> rows, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockBrand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1, hashtext($2))", connection, transaction))
        {
            lockBrand.Parameters.Add(new() { Value = ImportLockSpace });
            lockBrand.Parameters.Add(new() { Value = brandId });
            await lockBrand.ExecuteNonQueryAsync(cancellationToken);
        }

        var stored = new Dictionary<string, ContactImportRow>(StringComparer.Ordinal);
        await using (var select = new NpgsqlCommand(
            "SELECT phone, first_name, last_name, language, data::text FROM contacts WHERE brand = $1 AND phone = ANY($2)", connection, transaction))
        {
            select.Parameters.Add(new() { Value = brandId });
            select.Parameters.Add(new() { Value = rows.Select(r => r.Phone).Distinct(StringComparer.Ordinal).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var phone = reader.GetString(0);
                stored[phone] = new ContactImportRow(phone, Text(reader, 1), Text(reader, 2), Text(reader, 3), ContactData.FromJson(reader.GetString(4)));
            }
        }

        var batch = ContactBatch.Apply(rows, stored);
        if (batch.Writes.Count > 0)
        {
            await using var upsert = new NpgsqlCommand("""
                INSERT INTO contacts (brand, phone, first_name, last_name, language, data, opted_out, created_at, updated_at)
                SELECT $1, u.phone, u.first_name, u.last_name, u.language, u.data::jsonb, false, $7, $7
                FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(phone, first_name, last_name, language, data)
                ON CONFLICT (brand, phone) DO UPDATE SET
                    first_name = excluded.first_name, last_name = excluded.last_name, language = excluded.language,
                    data = excluded.data, updated_at = excluded.updated_at
                """, connection, transaction);
            var writes = batch.Writes;
            upsert.Parameters.Add(new() { Value = brandId });
            upsert.Parameters.Add(TextArray(writes.Select(w => w.Phone)));
            upsert.Parameters.Add(TextArray(writes.Select(w => w.FirstName)));
            upsert.Parameters.Add(TextArray(writes.Select(w => w.LastName)));
            upsert.Parameters.Add(TextArray(writes.Select(w => w.Language)));
            upsert.Parameters.Add(TextArray(writes.Select(w => ContactData.ToJson(w.Data))));
            upsert.Parameters.Add(new() { Value = at.ToUnixTimeMilliseconds() });
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (list is not null && batch.Phones.Count > 0)
        {
            await using var members = new NpgsqlCommand(
                "INSERT INTO contact_list_members (brand, list_id, phone) SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING", connection, transaction);
            members.Parameters.Add(new() { Value = brandId });
            members.Parameters.Add(new() { Value = list });
            members.Parameters.Add(TextArray(batch.Phones));
            await members.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return batch.Result;
    }

    public async Task<bool> DeleteAsync(string brandId, string phone, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "DELETE FROM contact_list_members WHERE brand = $1 AND phone = $2", cancellationToken, brandId, phone);
        var erased = await ExecuteAsync(connection, transaction, """
            UPDATE contacts SET first_name = NULL, last_name = NULL, language = NULL, data = '{}', updated_at = $3
            WHERE brand = $1 AND phone = $2 AND opted_out
            """, cancellationToken, brandId, phone, at.ToUnixTimeMilliseconds());
        var deleted = erased > 0
            ? 0
            : await ExecuteAsync(connection, transaction, "DELETE FROM contacts WHERE brand = $1 AND phone = $2", cancellationToken, brandId, phone);
        await transaction.CommitAsync(cancellationToken);
        return erased + deleted > 0;
    }

    public async Task DeleteBrandAsync(string brandId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in (string[])["contact_list_members", "contact_lists", "contacts"])
        {
            await ExecuteAsync(connection, transaction, $"DELETE FROM {table} WHERE brand = $1", cancellationToken, brandId);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> CreateListAsync(string brandId, string list, string name, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await ExecuteAsync(connection, null, "INSERT INTO contact_lists (brand, list_id, name, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            cancellationToken, brandId, list, name, at.ToUnixTimeMilliseconds()) > 0;
    }

    public async Task<ContactListRecord?> GetListAsync(string brandId, string list, CancellationToken cancellationToken) =>
        (await ListsAsync(brandId, list, cancellationToken)) is [var found, ..] ? found : null;

    public Task<IReadOnlyList<ContactListRecord>> ListListsAsync(string brandId, CancellationToken cancellationToken) =>
        ListsAsync(brandId, null, cancellationToken);

    public async Task<bool> DeleteListAsync(string brandId, string list, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "DELETE FROM contact_list_members WHERE brand = $1 AND list_id = $2", cancellationToken, brandId, list);
        var deleted = await ExecuteAsync(connection, transaction, "DELETE FROM contact_lists WHERE brand = $1 AND list_id = $2", cancellationToken, brandId, list);
        await transaction.CommitAsync(cancellationToken);
        return deleted > 0;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<IReadOnlyList<ContactListRecord>> ListsAsync(string brandId, string? list, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"""
            SELECT l.list_id, l.name, l.created_at,
                   (SELECT count(*) FROM contact_list_members m WHERE m.brand = l.brand AND m.list_id = l.list_id)
            FROM contact_lists l WHERE l.brand = $1 {(list is null ? string.Empty : "AND l.list_id = $2")} ORDER BY l.list_id
            """);
        command.Parameters.Add(new() { Value = brandId });
        if (list is not null)
        {
            command.Parameters.Add(new() { Value = list });
        }

        var lists = new List<ContactListRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lists.Add(new ContactListRecord(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetInt64(3)));
        }

        return lists;
    }

    private static async Task<IReadOnlyList<ContactRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var records = new List<ContactRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new ContactRecord(
                reader.GetString(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), ContactData.FromJson(reader.GetString(4)),
                reader.GetBoolean(5), reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)), Text(reader, 7),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9))));
        }

        return records;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static NpgsqlParameter TextArray(IEnumerable<string?> values) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
