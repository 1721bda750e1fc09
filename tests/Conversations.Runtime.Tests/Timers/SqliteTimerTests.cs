using Conversations.Runtime.Tests.Support;

namespace Conversations.Runtime.Tests.Timers;

public sealed class SqliteTimerTests() : TimerTests(new SqliteProvider());
