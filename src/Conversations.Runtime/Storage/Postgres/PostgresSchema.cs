namespace Conversations.Runtime.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema as numbered migrations. Keys are <c>text COLLATE "C"</c>: compared and
/// ordered byte by byte, never by a locale, and never parsed (so <c>"020235"</c> ≠ <c>"20235"</c>).
/// Versions are 64-bit; every table has a primary key.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>Serialises migrations of nodes starting at once (an arbitrary constant).</summary>
    public const long MigrationLock = 0x636f6e7665727361;

    public static IReadOnlyList<string[]> Migrations { get; } =
    [
        [
            """
            CREATE TABLE grain_state (
                grain_kind text COLLATE "C" NOT NULL, grain_key text COLLATE "C" NOT NULL, state_name text COLLATE "C" NOT NULL,
                version bigint NOT NULL, payload bytea NULL, updated_at bigint NOT NULL,
                PRIMARY KEY (grain_kind, grain_key, state_name))
            """,
            """
            CREATE TABLE timers (
                grain_kind text COLLATE "C" NOT NULL, grain_key text COLLATE "C" NOT NULL, name text COLLATE "C" NOT NULL,
                due_at bigint NOT NULL, lease_owner text NULL, lease_until bigint NULL,
                PRIMARY KEY (grain_kind, grain_key, name))
            """,
            "CREATE INDEX timers_due ON timers (due_at)",
            """
            CREATE TABLE outbox (
                id bigserial PRIMARY KEY, grain_kind text COLLATE "C" NOT NULL, grain_key text COLLATE "C" NOT NULL,
                topic text COLLATE "C" NOT NULL, payload text NOT NULL, created_at bigint NOT NULL,
                attempts integer NOT NULL DEFAULT 0, next_attempt_at bigint NOT NULL,
                lease_owner text NULL, lease_until bigint NULL)
            """,
            "CREATE INDEX outbox_next ON outbox (next_attempt_at)",
            """
            CREATE TABLE projection_rows (
                collection text COLLATE "C" NOT NULL, row_key text COLLATE "C" NOT NULL, partition_key text COLLATE "C" NOT NULL,
                sort_key text COLLATE "C" NOT NULL, body text NOT NULL,
                PRIMARY KEY (collection, row_key))
            """,
            "CREATE INDEX projection_rows_partition ON projection_rows (collection, partition_key, sort_key)",
            """
            CREATE TABLE nodes (
                node_id text PRIMARY KEY, host text NOT NULL, started_at bigint NOT NULL, heartbeat_at bigint NOT NULL)
            """,
        ],
        [
            // Migration 2: per-grain, per-topic FIFO of the outbox needs the oldest row of a grain's topic fast.
            "CREATE INDEX outbox_grain_topic ON outbox (grain_kind, grain_key, topic, id)",
        ],
        [
            // Migration 3: a commit in one round trip fails as a whole (serialization_failure) when a version check does not hold.
            """
            CREATE OR REPLACE FUNCTION conversations_expect(ok boolean) RETURNS boolean LANGUAGE plpgsql AS $fn$
            BEGIN
                IF ok IS NOT TRUE THEN
                    RAISE EXCEPTION 'a grain''s stored version is not the one this commit expected' USING ERRCODE = 'serialization_failure';
                END IF;
                RETURN true;
            END
            $fn$
            """,
        ],
        [
            // Migration 4: a grain's state row is rewritten on every turn that changes it (a conversation's, on every
            // message) and its key never changes. Room left in each page lets the new version stay in the old one's page,
            // a heap-only update: no new primary-key entry, less WAL, no index bloat. Pages filled from now on keep the room.
            "ALTER TABLE grain_state SET (fillfactor = 70)",
        ],
    ];

    public static int CurrentVersion => Migrations.Count;
}
