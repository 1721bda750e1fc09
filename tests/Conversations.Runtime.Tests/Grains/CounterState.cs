namespace Conversations.Runtime.Tests.Grains;

/// <summary>Stored as <c>{"count":n}</c>, the shape the multi-process test host writes too.</summary>
public sealed record CounterState(long Count);
