namespace Conversations.Channels.Twilio.Tests.Outbound;

/// <summary>What the loopback Twilio received.</summary>
public sealed record RecordedRequest(
    string Path,
    string Authorization,
    string? ContentType,
    IReadOnlyDictionary<string, string[]> Form)
{
    public string? Field(string name) => Form.TryGetValue(name, out var values) ? values[0] : null;
}
