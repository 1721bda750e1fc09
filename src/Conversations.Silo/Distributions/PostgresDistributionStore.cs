using System.Data.Common;
using Npgsql;

namespace Conversations.Silo.Distributions;

/// <summary>
/// The cluster distribution store: a <c>distribution_recipients</c> table in the shared PostgreSQL
/// database (phones compare in byte order, <c>COLLATE "C"</c>, so the run's cursor is the same on every node).
/// </summary>
internal sealed class PostgresDistributionStore(string connectionString) : SqlDistributionStore, IAsyncDisposable
{
    /// <summary>Serialises table creation of nodes starting at once (an arbitrary constant of this store's own).</summary>
    private const long CreateLock = 0x6469737472696275;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var statement in (string[])[
            $"SELECT pg_advisory_xact_lock({CreateLock})",
            """
            CREATE TABLE IF NOT EXISTS distribution_recipients (
                brand_id text COLLATE "C" NOT NULL, distribution_id text COLLATE "C" NOT NULL, phone text COLLATE "C" NOT NULL,
                first_name text NULL, last_name text NULL, language text NULL, data text NULL,
                status text NOT NULL, status_rank integer NOT NULL, reason text NULL, message_id text NULL,
                token text COLLATE "C" NOT NULL, clicks bigint NOT NULL, first_click_at bigint NULL,
                survey text NULL, survey_rank integer NOT NULL, opted_out integer NOT NULL, updated_at bigint NOT NULL,
                PRIMARY KEY (brand_id, distribution_id, phone))
            """,
            "CREATE UNIQUE INDEX IF NOT EXISTS distribution_recipients_token ON distribution_recipients (token)"])
        {
            await using var command = new NpgsqlCommand(statement, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
