using Conversations.Runtime.Tests.Support;

namespace Conversations.Runtime.Tests.Hosting;

public sealed class SqliteActivationTests() : ActivationTests(new SqliteProvider());
