namespace Conversations.Client.Contracts;

/// <summary>An export was requested: it is <c>pending</c> until the brand's webhook took it (<c>delivered</c>) or it <c>failed</c>.</summary>
public sealed record ExportAccepted(string ExportId, string Kind, string Status);
