using System.Globalization;
using Conversations.Domain.Billing;
using Conversations.Domain.Brands;
using Conversations.Domain.Common;
using Conversations.Domain.Conversations;
using Conversations.Domain.Numbers;

namespace Conversations.Domain.Messaging;

/// <summary>
/// Decides whether the business may send <see cref="OutboundContent"/> into a conversation now, and
/// its price. The checks, in order: an unapproved template is refused; a marketing template to a
/// US number is refused (Meta stopped delivering them on 2025-04-01); free-form content needs the
/// 24-hour window open and a chat that is not closed; a priced send needs that much available
/// credit. Prices apply where we act as the provider (Meta's Cloud API and the sandbox); a brand on
/// its own Twilio account pays Twilio directly, so its sends cost 0 here.
/// </summary>
public static class SendPolicy
{
    public static SendVerdict Evaluate(
        ConversationState conversation,
        OutboundContent content,
        WhatsAppNumber? recipient,
        ChannelProvider provider,
        RateCard rateCard,
        long availableMicros,
        DateTimeOffset now)
    {
        var window = conversation.Window(now);
        var expiresAt = window.ExpiresAt;
        switch (content)
        {
            case TemplateContent { Template: var template }:
                if (template.Status != TemplateStatus.Approved)
                {
                    return Refused(RefusalCodes.TemplateNotApproved,
                        $"Template '{template.Name}' ({template.Language}) is {template.Status.ToString().ToLowerInvariant()}, not approved; only approved templates can be sent.",
                        "template");
                }

                if (RecipientRefusal(template.Category, recipient) is { } refused)
                {
                    return new SendVerdict(refused, Money.Zero, expiresAt);
                }

                var price = PriceOfTemplate(template.Category, window.IsOpen, recipient, provider, rateCard);
                if (price.AmountMicros > availableMicros)
                {
                    return Refused(RefusalCodes.InsufficientCredit,
                        string.Create(CultureInfo.InvariantCulture, $"This template costs {price} but only {Money.FromUsdMicros(availableMicros)} of credit is available; buy credits first."),
                        "credits", price);
                }

                return new SendVerdict(null, price, expiresAt);

            case FreeFormContent:
                return FreeFormRefusal(conversation, now) is { } refusal
                    ? new SendVerdict(refusal, Money.Zero, expiresAt)
                    : new SendVerdict(null, Money.Zero, expiresAt);

            default:
                throw new ArgumentOutOfRangeException(nameof(content), content, "Unknown outbound content.");
        }

        SendVerdict Refused(string code, string message, string field, Money? price = null) =>
            new(new Refusal(code, message, field), price ?? Money.Zero, expiresAt);
    }

    /// <summary>
    /// Why a template of <paramref name="category"/> is never delivered to <paramref name="recipient"/>,
    /// whatever the conversation: marketing templates to US numbers (<c>marketing_paused_us</c>);
    /// <see langword="null"/> when nothing about the recipient refuses it. A distribution's preview
    /// uses it to leave such recipients out of its total.
    /// </summary>
    public static Refusal? RecipientRefusal(TemplateCategory category, WhatsAppNumber? recipient) =>
        category == TemplateCategory.Marketing && recipient is { } number && UsNumbers.IsUsNumber(number)
            ? new Refusal(RefusalCodes.MarketingPausedUs,
                "Marketing templates are not delivered to US numbers (+1 with a US area code) since 2025-04-01; use a utility template or another channel.",
                "template")
            : null;

    /// <summary>
    /// Why free-form content (text or media) cannot be sent now, or <see langword="null"/> when it
    /// can: the window must be open (else <c>window_closed</c>, saying when it closed) and the chat
    /// must not be closed (else <c>chat_closed</c>).
    /// </summary>
    public static Refusal? FreeFormRefusal(ConversationState conversation, DateTimeOffset now)
    {
        var window = conversation.Window(now);
        if (!window.IsOpen)
        {
            var when = window.ExpiresAt is { } closedAt
                ? $"The 24-hour customer-service window closed at {closedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC"
                : "The customer has never written, so there is no customer-service window";
            return new Refusal(RefusalCodes.WindowClosed, $"{when}; only an approved template can be sent until the customer writes again.", "text");
        }

        if (conversation.Chat is not { IsOpen: true })
        {
            return new Refusal(RefusalCodes.ChatClosed, "This chat is closed; operators cannot reply to closed chats. Send a template to start a new one.", "text");
        }

        return null;
    }

    /// <summary>
    /// A template's price: 0 on the brand's own Twilio account, 0 for a utility template inside
    /// an open window, else the rate card's price for the recipient's country and the category.
    /// </summary>
    public static Money PriceOfTemplate(TemplateCategory category, bool windowOpen, WhatsAppNumber? recipient, ChannelProvider provider, RateCard rateCard)
    {
        if (provider == ChannelProvider.Twilio)
        {
            return Money.Zero;
        }

        if (category == TemplateCategory.Utility && windowOpen)
        {
            return Money.Zero;
        }

        return rateCard.PriceOf(category, recipient);
    }
}
