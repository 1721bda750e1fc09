namespace Conversations.Channels.Twilio.Outbound;

/// <summary>
/// One WhatsApp message to send through Twilio's Messages API: free-form text and/or media, or an
/// approved template by <see cref="ContentSid"/> with <see cref="ContentVariables"/>.
/// </summary>
/// <param name="From">The business number, E.164 digits without <c>+</c> (sent as <c>whatsapp:+…</c>).</param>
/// <param name="To">The customer: E.164 digits without <c>+</c>, or a business-scoped user id such as <c>US.1234</c>.</param>
public sealed record TwilioSendRequest(string From, string To)
{
    /// <summary>Free-form text; not allowed with a template (Twilio: remove Body when sending ContentSid).</summary>
    public string? Body { get; init; }

    /// <summary>Public http(s) URLs of media to attach (Twilio's <c>MediaUrl</c>, at most 10).</summary>
    public IReadOnlyList<Uri> MediaUrls { get; init; } = [];

    /// <summary>The approved Content template's SID (<c>HX…</c>).</summary>
    public string? ContentSid { get; init; }

    /// <summary>Template placeholders by number, e.g. <c>{"1": "Ana"}</c>; sent as the JSON <c>ContentVariables</c>.</summary>
    public IReadOnlyDictionary<string, string>? ContentVariables { get; init; }

    /// <summary>Where Twilio posts delivery statuses; build it with <see cref="TwilioStatusCallbackUrl.Build"/>.</summary>
    public Uri? StatusCallback { get; init; }

    /// <summary>Describes the request without its text or variables (personal data, kept out of logs).</summary>
    public override string ToString() =>
        $"TwilioSendRequest {{ From = {From}, Media = {MediaUrls?.Count ?? 0}, ContentSid = {ContentSid}, HasBody = {!string.IsNullOrEmpty(Body)} }}";
}
