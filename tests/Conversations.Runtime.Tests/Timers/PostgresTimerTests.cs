using Conversations.Runtime.Tests.Support;
using Conversations.Testing.Postgres;

namespace Conversations.Runtime.Tests.Timers;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class PostgresTimerTests(PostgresFixture fixture) : TimerTests(new PostgresProvider(fixture));
