namespace Conversations.Channels.Twilio.Inbound;

/// <summary>One attachment of an inbound message: <c>MediaUrlN</c> and <c>MediaContentTypeN</c>.</summary>
/// <param name="Url">Where Twilio stores the media (fetching it needs the account's credentials).</param>
/// <param name="ContentType">The MIME type, when Twilio sent one.</param>
public sealed record TwilioMedia(string Url, string? ContentType);
