using System.Data.Common;
using Conversations.Runtime.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Conversations.Silo.Distributions;

/// <summary>The embedded distribution store: a <c>distribution_recipients</c> table in the silo's SQLite database.</summary>
internal sealed class SqliteDistributionStore(string connectionString) : SqlDistributionStore
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 }.ToString();

    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS distribution_recipients (
                brand_id TEXT NOT NULL, distribution_id TEXT NOT NULL, phone TEXT NOT NULL,
                first_name TEXT NULL, last_name TEXT NULL, language TEXT NULL, data TEXT NULL,
                status TEXT NOT NULL, status_rank INTEGER NOT NULL, reason TEXT NULL, message_id TEXT NULL,
                token TEXT NOT NULL, clicks INTEGER NOT NULL, first_click_at INTEGER NULL,
                survey TEXT NULL, survey_rank INTEGER NOT NULL, opted_out INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                PRIMARY KEY (brand_id, distribution_id, phone));
            CREATE UNIQUE INDEX IF NOT EXISTS distribution_recipients_token ON distribution_recipients (token);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) =>
        await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
