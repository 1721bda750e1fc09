namespace Conversations.Silo.Configuration;

/// <summary>The values <c>Conversations:Storage</c> accepts.</summary>
public static class StorageKinds
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static IReadOnlyList<string> All { get; } = [Sqlite, Postgres];

    /// <summary>The embedded default: a SQLite file under <c>data/</c> beside the working directory.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/conversations.db";
}
