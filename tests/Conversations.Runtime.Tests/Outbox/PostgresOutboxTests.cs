using Conversations.Runtime.Tests.Support;
using Conversations.Testing.Postgres;

namespace Conversations.Runtime.Tests.Outbox;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class PostgresOutboxTests(PostgresFixture fixture) : OutboxTests(new PostgresProvider(fixture));
