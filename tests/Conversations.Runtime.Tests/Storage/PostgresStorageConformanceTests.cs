using Conversations.Runtime.Tests.Support;
using Conversations.Testing.Postgres;

namespace Conversations.Runtime.Tests.Storage;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class PostgresStorageConformanceTests(PostgresFixture fixture) : StorageConformanceTests(new PostgresProvider(fixture));
