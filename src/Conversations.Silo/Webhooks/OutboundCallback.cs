namespace Conversations.Silo.Webhooks;

/// <summary>
/// What we attach to an outbound message so its status reports find it, whatever order they come
/// in: <c>{conversation key}|{message id}</c> (Meta's <c>biz_opaque_callback_data</c>; the query of
/// Twilio's <c>StatusCallback</c> URL, which Twilio signs).
/// </summary>
internal sealed record OutboundCallback(string Conversation, string MessageId)
{
    public override string ToString() => $"{Conversation}|{MessageId}";

    public static OutboundCallback? Parse(string? value)
    {
        var bar = value?.LastIndexOf('|') ?? -1;
        return bar > 0 && bar < value!.Length - 1 ? new OutboundCallback(value[..bar], value[(bar + 1)..]) : null;
    }
}
