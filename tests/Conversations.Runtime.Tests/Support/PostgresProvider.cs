using Conversations.Runtime.Storage;
using Conversations.Runtime.Storage.Postgres;
using Conversations.Testing.Postgres;

namespace Conversations.Runtime.Tests.Support;

/// <summary>PostgreSQL databases on the collection's private server, one per call.</summary>
public sealed class PostgresProvider(PostgresFixture fixture) : StorageProvider
{
    public override string Name => "PostgreSQL";

    public override int CommitWriters => 4;

    public override Task<string> CreateDatabaseAsync() => fixture.Server.CreateDatabaseAsync();

    public override IGrainStorage Open(string database, FaultInjection? faults = null) => new PostgresGrainStorage(database, faults);
}
