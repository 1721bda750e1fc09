namespace Conversations.Grains.Contacts;

/// <summary>
/// A customer opted out of (or, with <see cref="OptedOut"/> false, back into) a brand's
/// distributions: raised by the Conversation grain (a STOP-like keyword, or a provider refusing a
/// send because the person opted out) on the <see cref="Topic"/> outbox topic, and applied to the
/// brand's contacts by the silo. <see cref="Source"/> says how: <c>keyword:STOP</c>, <c>provider:21610</c>, ….
/// </summary>
public sealed record ContactOptOut(string BrandId, string Phone, bool OptedOut, string Source, DateTimeOffset At)
{
    public const string Topic = "contacts.opt_out";
}
