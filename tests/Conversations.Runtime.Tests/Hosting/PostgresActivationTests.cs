using Conversations.Runtime.Tests.Support;
using Conversations.Testing.Postgres;

namespace Conversations.Runtime.Tests.Hosting;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class PostgresActivationTests(PostgresFixture fixture) : ActivationTests(new PostgresProvider(fixture));
