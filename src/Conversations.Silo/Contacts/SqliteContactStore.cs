using System.Data.Common;
using Conversations.Domain.Contacts;
using Conversations.Runtime.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Conversations.Silo.Contacts;

/// <summary>
/// Contacts in the embedded SQLite database, beside the grains' tables; every write takes the file's
/// <see cref="SqliteWriteGate"/> first, as the grain storage's do, so it queues behind them rather than
/// sleep on SQLite's lock. An import batch is one <c>BEGIN IMMEDIATE</c> transaction (the write lock
/// first, so reading the stored contacts and writing the merged ones cannot interleave with another
/// writer) with prepared commands reused for every row. Times are Unix milliseconds.
/// </summary>
internal sealed class SqliteContactStore(string connectionString) : IContactStore
{
    private const string Columns = "phone, first_name, last_name, language, data, opted_out, opted_out_at, opt_out_source, created_at, updated_at";

    private readonly string _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 }.ToString();

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS contacts (
                brand TEXT NOT NULL, phone TEXT NOT NULL, first_name TEXT NULL, last_name TEXT NULL, language TEXT NULL,
                data TEXT NOT NULL DEFAULT '{}', opted_out INTEGER NOT NULL DEFAULT 0, opted_out_at INTEGER NULL, opt_out_source TEXT NULL,
                created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                PRIMARY KEY (brand, phone)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS contact_lists (
                brand TEXT NOT NULL, list_id TEXT NOT NULL, name TEXT NOT NULL, created_at INTEGER NOT NULL,
                PRIMARY KEY (brand, list_id)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS contact_list_members (
                brand TEXT NOT NULL, list_id TEXT NOT NULL, phone TEXT NOT NULL,
                PRIMARY KEY (brand, list_id, phone)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS contact_list_members_by_phone ON contact_list_members (brand, phone);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ContactRecord?> GetAsync(string brandId, string phone, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {Columns} FROM contacts WHERE brand = $brand AND phone = $phone", ("$brand", brandId), ("$phone", phone));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<ContactRecord>> GetManyAsync(string brandId, IReadOnlyCollection<string> phones, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phones);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        var found = new List<ContactRecord>();
        await using var command = Command(connection, $"SELECT {Columns} FROM contacts WHERE brand = $brand AND phone = $phone", ("$brand", brandId), ("$phone", string.Empty));
        command.Transaction = transaction;
        foreach (var phone in phones.Distinct(StringComparer.Ordinal))
        {
            command.Parameters["$phone"].Value = phone;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                found.Add(Read(reader));
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<ContactRecord>> ListAsync(string brandId, string? list, string? afterPhone, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            list is null
                ? $"SELECT {Columns} FROM contacts WHERE brand = $brand AND phone > $after ORDER BY phone LIMIT $limit"
                : $"""
                  SELECT {string.Join(", ", Columns.Split(", ").Select(c => "c." + c))} FROM contact_list_members m
                  JOIN contacts c ON c.brand = m.brand AND c.phone = m.phone
                  WHERE m.brand = $brand AND m.list_id = $list AND m.phone > $after ORDER BY m.phone LIMIT $limit
                  """,
            ("$brand", brandId), ("$list", list), ("$after", afterPhone ?? string.Empty), ("$limit", limit));
        var page = new List<ContactRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(Read(reader));
        }

        return page;
    }

    public async Task<bool> ListExistsAsync(string brandId, string list, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT 1 FROM contact_lists WHERE brand = $brand AND list_id = $list", ("$brand", brandId), ("$list", list));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task SetOptOutAsync(string brandId, string phone, bool optedOut, string source, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            INSERT INTO contacts (brand, phone, data, opted_out, opted_out_at, opt_out_source, created_at, updated_at)
            VALUES ($brand, $phone, '{}', $out, CASE WHEN $out THEN $at END, CASE WHEN $out THEN $source END, $at, $at)
            ON CONFLICT (brand, phone) DO UPDATE SET
                opted_out = $out, opted_out_at = CASE WHEN $out THEN $at END, opt_out_source = CASE WHEN $out THEN $source END, updated_at = $at
            WHERE contacts.opted_out <> $out
            """, ("$brand", brandId), ("$phone", phone), ("$out", optedOut ? 1 : 0), ("$source", source), ("$at", at.ToUnixTimeMilliseconds()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ImportBatchResult> UpsertBatchAsync(
        string brandId, string? list, IReadOnlyList<ContactImportRow> rows, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);

        var stored = new Dictionary<string, ContactImportRow>(StringComparer.Ordinal);
        await using (var select = Command(connection, "SELECT phone, first_name, last_name, language, data FROM contacts WHERE brand = $brand AND phone = $phone",
            ("$brand", brandId), ("$phone", string.Empty)))
        {
            select.Transaction = transaction;
            select.Prepare();
            foreach (var phone in rows.Select(r => r.Phone).Distinct(StringComparer.Ordinal))
            {
                select.Parameters["$phone"].Value = phone;
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    stored[phone] = new ContactImportRow(phone, Text(reader, 1), Text(reader, 2), Text(reader, 3), ContactData.FromJson(reader.GetString(4)));
                }
            }
        }

        var batch = ContactBatch.Apply(rows, stored);
        var ms = at.ToUnixTimeMilliseconds();
        await using (var upsert = Command(connection, """
            INSERT INTO contacts (brand, phone, first_name, last_name, language, data, opted_out, created_at, updated_at)
            VALUES ($brand, $phone, $first, $last, $language, $data, 0, $at, $at)
            ON CONFLICT (brand, phone) DO UPDATE SET
                first_name = excluded.first_name, last_name = excluded.last_name, language = excluded.language, data = excluded.data, updated_at = excluded.updated_at
            """, ("$brand", brandId), ("$phone", string.Empty), ("$first", null), ("$last", null), ("$language", null), ("$data", string.Empty), ("$at", ms)))
        {
            upsert.Transaction = transaction;
            upsert.Prepare();
            foreach (var contact in batch.Writes)
            {
                upsert.Parameters["$phone"].Value = contact.Phone;
                upsert.Parameters["$first"].Value = (object?)contact.FirstName ?? DBNull.Value;
                upsert.Parameters["$last"].Value = (object?)contact.LastName ?? DBNull.Value;
                upsert.Parameters["$language"].Value = (object?)contact.Language ?? DBNull.Value;
                upsert.Parameters["$data"].Value = ContactData.ToJson(contact.Data);
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        if (list is not null)
        {
            await using var member = Command(connection, "INSERT INTO contact_list_members (brand, list_id, phone) VALUES ($brand, $list, $phone) ON CONFLICT DO NOTHING",
                ("$brand", brandId), ("$list", list), ("$phone", string.Empty));
            member.Transaction = transaction;
            member.Prepare();
            foreach (var phone in batch.Phones)
            {
                member.Parameters["$phone"].Value = phone;
                await member.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return batch.Result;
    }

    public async Task<bool> DeleteAsync(string brandId, string phone, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, transaction, "DELETE FROM contact_list_members WHERE brand = $brand AND phone = $phone", cancellationToken, ("$brand", brandId), ("$phone", phone));
        var erased = await ExecuteAsync(connection, transaction, """
            UPDATE contacts SET first_name = NULL, last_name = NULL, language = NULL, data = '{}', updated_at = $at
            WHERE brand = $brand AND phone = $phone AND opted_out <> 0
            """, cancellationToken, ("$brand", brandId), ("$phone", phone), ("$at", at.ToUnixTimeMilliseconds()));
        var deleted = erased > 0
            ? 0
            : await ExecuteAsync(connection, transaction, "DELETE FROM contacts WHERE brand = $brand AND phone = $phone", cancellationToken, ("$brand", brandId), ("$phone", phone));
        await transaction.CommitAsync(cancellationToken);
        return erased + deleted > 0;
    }

    public async Task DeleteBrandAsync(string brandId, CancellationToken cancellationToken)
    {
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var table in (string[])["contact_list_members", "contact_lists", "contacts"])
        {
            await ExecuteAsync(connection, transaction, $"DELETE FROM {table} WHERE brand = $brand", cancellationToken, ("$brand", brandId));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> CreateListAsync(string brandId, string list, string name, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, "INSERT INTO contact_lists (brand, list_id, name, created_at) VALUES ($brand, $list, $name, $at) ON CONFLICT DO NOTHING",
            cancellationToken, ("$brand", brandId), ("$list", list), ("$name", name), ("$at", at.ToUnixTimeMilliseconds())) > 0;
    }

    public async Task<ContactListRecord?> GetListAsync(string brandId, string list, CancellationToken cancellationToken) =>
        (await ListsAsync(brandId, list, cancellationToken)) is [var found, ..] ? found : null;

    public Task<IReadOnlyList<ContactListRecord>> ListListsAsync(string brandId, CancellationToken cancellationToken) =>
        ListsAsync(brandId, null, cancellationToken);

    public async Task<bool> DeleteListAsync(string brandId, string list, CancellationToken cancellationToken)
    {
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, transaction, "DELETE FROM contact_list_members WHERE brand = $brand AND list_id = $list", cancellationToken, ("$brand", brandId), ("$list", list));
        var deleted = await ExecuteAsync(connection, transaction, "DELETE FROM contact_lists WHERE brand = $brand AND list_id = $list", cancellationToken, ("$brand", brandId), ("$list", list));
        await transaction.CommitAsync(cancellationToken);
        return deleted > 0;
    }

    private async Task<IReadOnlyList<ContactListRecord>> ListsAsync(string brandId, string? list, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"""
            SELECT l.list_id, l.name, l.created_at,
                   (SELECT count(*) FROM contact_list_members m WHERE m.brand = l.brand AND m.list_id = l.list_id)
            FROM contact_lists l WHERE l.brand = $brand {(list is null ? string.Empty : "AND l.list_id = $list")} ORDER BY l.list_id
            """, ("$brand", brandId), ("$list", list));
        var lists = new List<ContactListRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lists.Add(new ContactListRecord(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetInt64(3)));
        }

        return lists;
    }

    private static ContactRecord Read(DbDataReader reader) => new(
        reader.GetString(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), ContactData.FromJson(reader.GetString(4)),
        reader.GetInt64(5) != 0, reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)), Text(reader, 7),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)));

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        command.Transaction = transaction;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
