using Conversations.Testing.Postgres;

namespace Conversations.Silo.Tests.Support;

[CollectionDefinition(Name)]
public sealed class ClockedPostgresCollectionDefinition : ICollectionFixture<PostgresFixture>
{
    public const string Name = "clocked silos on postgres";
}
