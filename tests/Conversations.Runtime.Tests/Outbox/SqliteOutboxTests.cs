using Conversations.Runtime.Tests.Support;

namespace Conversations.Runtime.Tests.Outbox;

public sealed class SqliteOutboxTests() : OutboxTests(new SqliteProvider());
