namespace Conversations.Client.Contracts;

/// <summary><c>PUT /api/brands/{brandId}/numbers/{number}</c>: any of department, throughput, registration status.</summary>
public sealed record NumberUpdateRequest(string? Department, ThroughputDto? Throughput, string? RegistrationStatus);
