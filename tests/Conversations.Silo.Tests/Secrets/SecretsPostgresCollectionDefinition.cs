using Conversations.Testing.Postgres;

namespace Conversations.Silo.Tests.Secrets;

[CollectionDefinition(Name)]
public sealed class SecretsPostgresCollectionDefinition : ICollectionFixture<PostgresFixture>
{
    public const string Name = "secrets-postgres";
}
