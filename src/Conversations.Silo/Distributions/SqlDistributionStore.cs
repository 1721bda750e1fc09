using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Conversations.Domain.Distributions;
using Conversations.Grains.Distributions;

namespace Conversations.Silo.Distributions;

/// <summary>
/// The distribution store over any ADO.NET connection: the SQL is the common part of SQLite's and
/// PostgreSQL's (multi-row <c>INSERT … ON CONFLICT DO NOTHING</c>, <c>@name</c> parameters); the
/// subclasses open connections and create the table. Status moves are single guarded
/// <c>UPDATE</c>s (<c>status_rank &lt; new rank</c>), so a repeated or late report changes nothing.
/// </summary>
internal abstract class SqlDistributionStore : IDistributionStore
{
    /// <summary>Rows per INSERT: 11 parameters each stays well under both databases' limits.</summary>
    private const int InsertChunk = 400;

    private const string Columns = """
        brand_id, distribution_id, phone, first_name, last_name, language, data, status, status_rank, reason, message_id,
        token, clicks, first_click_at, survey, survey_rank, opted_out, updated_at
        """;

    public abstract Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The most progress reports one transaction applies.</summary>
    private const int MaxProgressBatch = 512;

    private readonly List<PendingProgress> _progress = [];
    private bool _flushing;

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Waits for this process's turn to write, where the database needs one (SQLite: one writer per file); dispose to let the next in.</summary>
    protected virtual ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    public async Task<int> AddRecipientsAsync(string brandId, string distributionId, IReadOnlyList<RecipientRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var added = 0;
        using var writing = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        for (var start = 0; start < rows.Count; start += InsertChunk)
        {
            var chunk = rows.Skip(start).Take(InsertChunk).ToList();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder($"INSERT INTO distribution_recipients ({Columns}) VALUES ");
            Add(command, "@b", brandId);
            Add(command, "@d", distributionId);
            for (var i = 0; i < chunk.Count; i++)
            {
                var row = chunk[i];
                sql.Append(i == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture,
                    $"(@b, @d, @p{i}, @f{i}, @l{i}, @g{i}, @x{i}, @s{i}, @r{i}, @e{i}, NULL, @t{i}, 0, NULL, NULL, 0, 0, @u{i})");
                Add(command, $"@p{i}", row.Phone);
                Add(command, $"@f{i}", row.FirstName);
                Add(command, $"@l{i}", row.LastName);
                Add(command, $"@g{i}", row.Language);
                Add(command, $"@x{i}", row.Data is { Count: > 0 } data ? JsonSerializer.Serialize(data) : null);
                Add(command, $"@s{i}", row.Status);
                Add(command, $"@r{i}", RecipientStatus.Rank(row.Status));
                Add(command, $"@e{i}", row.Reason);
                Add(command, $"@t{i}", row.Token);
                Add(command, $"@u{i}", row.UpdatedAt.ToUnixTimeMilliseconds());
            }

            sql.Append(" ON CONFLICT DO NOTHING");
            command.CommandText = sql.ToString();
            added += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<RecipientRow>> ListAsync(string brandId, string distributionId, string? afterPhone, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM distribution_recipients
            WHERE brand_id = @b AND distribution_id = @d AND (@after IS NULL OR phone > @after)
            ORDER BY phone LIMIT @limit
            """;
        Add(command, "@b", brandId);
        Add(command, "@d", distributionId);
        Add(command, "@after", afterPhone);
        Add(command, "@limit", limit);
        var rows = new List<RecipientRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new RecipientRow(
                reader.GetString(2), NullableString(reader, 3), NullableString(reader, 4), NullableString(reader, 5),
                NullableString(reader, 6) is { } json ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) : null,
                reader.GetString(7), NullableString(reader, 9), reader.GetString(11))
            {
                MessageId = NullableString(reader, 10),
                Clicks = Convert.ToInt64(reader.GetValue(12), CultureInfo.InvariantCulture),
                FirstClickAt = reader.IsDBNull(13) ? null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(13), CultureInfo.InvariantCulture)),
                Survey = NullableString(reader, 14),
                OptedOut = Convert.ToInt64(reader.GetValue(16), CultureInfo.InvariantCulture) != 0,
                UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(17), CultureInfo.InvariantCulture)),
            });
        }

        return rows;
    }

    public async Task UpdateAsync(string brandId, string distributionId, IReadOnlyList<RecipientUpdate> updates, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            return;
        }

        using var writing = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var update in updates)
        {
            await AdvanceAsync(connection, transaction, brandId, distributionId, update.Phone, update.Status, update.Reason, update.MessageId, at, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Applies a Conversation grain's progress report. Reports arrive one outbox message at a time, several
    /// per recipient; a transaction (a disk flush) each would cap a distribution at a few dozen recipients a
    /// second. So reports that arrive while a batch is being written wait and go together in the next
    /// transaction (group commit); each caller's task completes when its report is committed. A batch that
    /// fails is written again report by report, so one bad report fails only its own outbox message.
    /// </summary>
    public async Task ApplyAsync(DistributionProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var waiting = new PendingProgress(progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool flush;
        lock (_progress)
        {
            _progress.Add(waiting);
            flush = !_flushing;
            _flushing = true;
        }

        if (flush)
        {
            _ = Task.Run(FlushProgressAsync, CancellationToken.None);
        }

        await waiting.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task FlushProgressAsync()
    {
        while (true)
        {
            List<PendingProgress> batch;
            lock (_progress)
            {
                if (_progress.Count == 0)
                {
                    _flushing = false;
                    return;
                }

                var take = Math.Min(_progress.Count, MaxProgressBatch);
                batch = _progress.GetRange(0, take);
                _progress.RemoveRange(0, take);
            }

            try
            {
                await ApplyBatchAsync([.. batch.Select(p => p.Progress)], CancellationToken.None);
                batch.ForEach(p => p.Done.TrySetResult());
            }
#pragma warning disable CA1031 // Each report's own outbox message is retried on its failure.
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var one in batch)
                {
                    try
                    {
                        await ApplyBatchAsync([one.Progress], CancellationToken.None);
                        one.Done.TrySetResult();
                    }
                    catch (Exception failure)
                    {
                        one.Done.TrySetException(failure);
                    }
                }
            }
            catch (Exception failure)
            {
                batch.ForEach(p => p.Done.TrySetException(failure));
            }
#pragma warning restore CA1031
        }
    }

    private async Task ApplyBatchAsync(IReadOnlyList<DistributionProgress> reports, CancellationToken cancellationToken)
    {
        using var writing = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var progress in reports)
        {
            await ApplyOneAsync(connection, transaction, progress, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ApplyOneAsync(DbConnection connection, DbTransaction transaction, DistributionProgress progress, CancellationToken cancellationToken)
    {
        if (progress.Status is { } status)
        {
            await AdvanceAsync(connection, transaction, progress.BrandId, progress.DistributionId, progress.Phone, status, progress.Reason, null, progress.At, cancellationToken);
        }

        if (progress.Survey is { } survey)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE distribution_recipients SET survey = @survey, survey_rank = @rank, updated_at = @at
                WHERE brand_id = @b AND distribution_id = @d AND phone = @p AND survey_rank < @rank
                """;
            Add(command, "@survey", survey);
            Add(command, "@rank", survey == "started" ? 1 : 2);
            AddKey(command, progress.BrandId, progress.DistributionId, progress.Phone, progress.At);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (progress.OptedOut)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE distribution_recipients SET opted_out = 1, updated_at = @at
                WHERE brand_id = @b AND distribution_id = @d AND phone = @p AND opted_out = 0
                """;
            AddKey(command, progress.BrandId, progress.DistributionId, progress.Phone, progress.At);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<int> CancelPendingAsync(string brandId, string distributionId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var writing = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE distribution_recipients SET status = @s, status_rank = @r, updated_at = @at
            WHERE brand_id = @b AND distribution_id = @d AND status = @pending
            """;
        Add(command, "@s", RecipientStatus.Cancelled);
        Add(command, "@r", RecipientStatus.Rank(RecipientStatus.Cancelled));
        Add(command, "@pending", RecipientStatus.Pending);
        Add(command, "@b", brandId);
        Add(command, "@d", distributionId);
        Add(command, "@at", at.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<RecipientCounts> CountAsync(string brandId, string distributionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT status, COALESCE(reason, ''), COUNT(*),
                   SUM(CASE WHEN message_id IS NOT NULL OR status IN ('queued', 'sent', 'delivered', 'read') THEN 1 ELSE 0 END),
                   SUM(CASE WHEN opted_out = 1 OR status = 'opted_out' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN clicks > 0 THEN 1 ELSE 0 END), SUM(clicks),
                   SUM(CASE WHEN survey_rank >= 1 THEN 1 ELSE 0 END),
                   SUM(CASE WHEN survey = 'completed' THEN 1 ELSE 0 END)
            FROM distribution_recipients WHERE brand_id = @b AND distribution_id = @d
            GROUP BY status, COALESCE(reason, '')
            """;
        Add(command, "@b", brandId);
        Add(command, "@d", distributionId);
        long recipients = 0, pending = 0, sent = 0, delivered = 0, read = 0, optedOut = 0, invalid = 0, cancelled = 0, clicked = 0, clicks = 0, started = 0, completed = 0;
        var failed = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = reader.GetString(0);
            var count = Long(reader, 2);
            recipients += count;
            sent += Long(reader, 3);
            optedOut += Long(reader, 4);
            clicked += Long(reader, 5);
            clicks += Long(reader, 6);
            started += Long(reader, 7);
            completed += Long(reader, 8);
            switch (status)
            {
                case RecipientStatus.Pending:
                    pending += count;
                    break;
                case RecipientStatus.Delivered:
                    delivered += count;
                    break;
                case RecipientStatus.Read:
                    delivered += count;
                    read += count;
                    break;
                case RecipientStatus.Failed:
                    var reason = reader.GetString(1) is { Length: > 0 } r ? r : "unknown";
                    failed[reason] = failed.GetValueOrDefault(reason) + count;
                    break;
                case RecipientStatus.Invalid:
                    invalid += count;
                    break;
                case RecipientStatus.Cancelled:
                    cancelled += count;
                    break;
            }
        }

        return new RecipientCounts(recipients, pending, sent, delivered, read, failed, optedOut, invalid, cancelled, clicked, clicks, started, completed);
    }

    public async Task<RecipientLink?> ClickAsync(string token, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var writing = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """
            UPDATE distribution_recipients SET clicks = clicks + 1, first_click_at = COALESCE(first_click_at, @at), updated_at = @at
            WHERE token = @t
            """;
        Add(update, "@t", token);
        Add(update, "@at", at.ToUnixTimeMilliseconds());
        if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return null;
        }

        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT brand_id, distribution_id, phone FROM distribution_recipients WHERE token = @t";
        Add(select, "@t", token);
        RecipientLink? link = null;
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                link = new RecipientLink(reader.GetString(0), reader.GetString(1), reader.GetString(2));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return link;
    }

    public async Task DeleteBrandAsync(string brandId, CancellationToken cancellationToken)
    {
        using var writing = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM distribution_recipients WHERE brand_id = @b";
        Add(command, "@b", brandId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task AdvanceAsync(
        DbConnection connection, DbTransaction transaction, string brandId, string distributionId, string phone, string status, string? reason, string? messageId,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE distribution_recipients
            SET status = @s, status_rank = @r, reason = COALESCE(@reason, reason), updated_at = @at
            WHERE brand_id = @b AND distribution_id = @d AND phone = @p AND status_rank < @r AND status_rank < 9
            """;
        Add(command, "@s", status);
        Add(command, "@r", RecipientStatus.Rank(status));
        Add(command, "@reason", reason);
        AddKey(command, brandId, distributionId, phone, at);
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (messageId is not null)
        {
            // Apart from the status: a delivery report may have moved the status past "queued" already.
            await using var id = connection.CreateCommand();
            id.Transaction = transaction;
            id.CommandText = "UPDATE distribution_recipients SET message_id = @m WHERE brand_id = @b AND distribution_id = @d AND phone = @p AND message_id IS NULL";
            Add(id, "@m", messageId);
            Add(id, "@b", brandId);
            Add(id, "@d", distributionId);
            Add(id, "@p", phone);
            await id.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void AddKey(DbCommand command, string brandId, string distributionId, string phone, DateTimeOffset at)
    {
        Add(command, "@b", brandId);
        Add(command, "@d", distributionId);
        Add(command, "@p", phone);
        Add(command, "@at", at.ToUnixTimeMilliseconds());
    }

    protected static void Add(DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null)
        {
            parameter.DbType = System.Data.DbType.String; // PostgreSQL must know the type of "@x IS NULL".
        }

        command.Parameters.Add(parameter);
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static long Long(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private sealed record PendingProgress(DistributionProgress Progress, TaskCompletionSource Done);
}
