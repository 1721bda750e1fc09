using Conversations.Testing.Postgres;

namespace Conversations.Runtime.Tests;

/// <summary>Every PostgreSQL test class shares one private server; each test creates its own database on it.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
