namespace Conversations.Benchmarks.Webhooks;

/// <summary>One incoming-message webhook, ready to send: its form-encoded body and its <c>X-Twilio-Signature</c>.</summary>
internal sealed record SignedWebhook(byte[] Body, string Signature);
