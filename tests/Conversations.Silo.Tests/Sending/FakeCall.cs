namespace Conversations.Silo.Tests.Sending;

/// <summary>
/// One request a fake provider API received: the account it was for (Twilio's Account SID, Meta's
/// phone-number id), its headers and body, what it was answered, and when the request arrived and its
/// answer left (on the fake's own stopwatch, so calls compare with each other).
/// </summary>
internal sealed record FakeCall(string Account, string Path, string Authorization, string Body, IReadOnlyDictionary<string, string> Form, FakeAnswer Answer, string? ProviderMessageId, TimeSpan Started, TimeSpan Ended);
