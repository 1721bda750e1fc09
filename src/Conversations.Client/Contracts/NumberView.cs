namespace Conversations.Client.Contracts;

/// <summary>A business number of the brand.</summary>
public sealed record NumberView(string PhoneNumber, string Provider, string? Department, ThroughputDto Throughput, string RegistrationStatus, NumberErrorView? Error);
