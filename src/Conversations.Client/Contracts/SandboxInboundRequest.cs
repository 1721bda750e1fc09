namespace Conversations.Client.Contracts;

/// <summary><c>POST /api/sandbox/{brandId}/inbound</c>: the simulated customer <see cref="From"/> writes to the brand's sandbox number <see cref="To"/>.</summary>
public sealed record SandboxInboundRequest(string? To, string? From, string? Text, string? ProfileName = null, IReadOnlyList<SandboxMedia>? Media = null);
