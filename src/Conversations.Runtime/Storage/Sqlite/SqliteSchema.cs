namespace Conversations.Runtime.Storage.Sqlite;

/// <summary>The SQLite schema, as numbered migrations applied in order and recorded in <c>schema_version</c>.</summary>
internal static class SqliteSchema
{
    public static IReadOnlyList<string[]> Migrations { get; } =
    [
        [
            """
            CREATE TABLE grain_state (
                grain_kind TEXT NOT NULL, grain_key TEXT NOT NULL, state_name TEXT NOT NULL,
                version INTEGER NOT NULL, payload BLOB NULL, updated_at INTEGER NOT NULL,
                PRIMARY KEY (grain_kind, grain_key, state_name)) WITHOUT ROWID
            """,
            """
            CREATE TABLE timers (
                grain_kind TEXT NOT NULL, grain_key TEXT NOT NULL, name TEXT NOT NULL,
                due_at INTEGER NOT NULL, lease_owner TEXT NULL, lease_until INTEGER NULL,
                PRIMARY KEY (grain_kind, grain_key, name)) WITHOUT ROWID
            """,
            "CREATE INDEX timers_due ON timers (due_at)",
            """
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT, grain_kind TEXT NOT NULL, grain_key TEXT NOT NULL,
                topic TEXT NOT NULL, payload TEXT NOT NULL, created_at INTEGER NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL,
                lease_owner TEXT NULL, lease_until INTEGER NULL)
            """,
            "CREATE INDEX outbox_next ON outbox (next_attempt_at)",
            """
            CREATE TABLE projection_rows (
                collection TEXT NOT NULL, row_key TEXT NOT NULL, partition_key TEXT NOT NULL,
                sort_key TEXT NOT NULL, body TEXT NOT NULL,
                PRIMARY KEY (collection, row_key)) WITHOUT ROWID
            """,
            "CREATE INDEX projection_rows_partition ON projection_rows (collection, partition_key, sort_key)",
            """
            CREATE TABLE nodes (
                node_id TEXT PRIMARY KEY, host TEXT NOT NULL, started_at INTEGER NOT NULL, heartbeat_at INTEGER NOT NULL)
            """,
        ],
        [
            // Migration 2: per-grain, per-topic FIFO of the outbox needs the oldest row of a grain's topic fast.
            "CREATE INDEX outbox_grain_topic ON outbox (grain_kind, grain_key, topic, id)",
        ],
    ];

    public static int CurrentVersion => Migrations.Count;
}
