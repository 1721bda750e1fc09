namespace Conversations.Channels.Twilio.Inbound;

/// <summary>A webhook body that does not say what Twilio documents: the field and the rule it broke.</summary>
/// <param name="Field">The form field at fault, e.g. <c>From</c> or <c>MediaUrl1</c>.</param>
/// <param name="Rule">What was expected, without echoing the value (values may be personal data).</param>
public sealed record TwilioParseError(string Field, string Rule) : TwilioWebhook
{
    public string Message => $"{Field}: {Rule}";
}
