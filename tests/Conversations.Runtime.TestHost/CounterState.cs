namespace Conversations.Runtime.TestHost;

/// <summary>Same JSON shape as the test suite's counter state, so a test can read what this process wrote.</summary>
public sealed record CounterState(long Count);
