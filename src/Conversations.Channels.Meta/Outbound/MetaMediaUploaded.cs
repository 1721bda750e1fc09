namespace Conversations.Channels.Meta.Outbound;

/// <summary>Meta stored an uploaded file: <see cref="MediaId"/> is what a media message references (kept by Meta for 30 days).</summary>
public sealed record MetaMediaUploaded(string MediaId) : MetaSendResult;
