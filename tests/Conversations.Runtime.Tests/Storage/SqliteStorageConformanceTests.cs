using Conversations.Runtime.Tests.Support;

namespace Conversations.Runtime.Tests.Storage;

public sealed class SqliteStorageConformanceTests() : StorageConformanceTests(new SqliteProvider());
