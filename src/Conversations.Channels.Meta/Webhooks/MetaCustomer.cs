namespace Conversations.Channels.Meta.Webhooks;

/// <summary>
/// Who sent an inbound message. WhatsApp identifies some customers only by a business-scoped user id
/// (BSUID, e.g. <c>US.13491208655302741918</c>) and no phone number, so either may be null; the parser
/// only yields a message when at least one of <see cref="Phone"/>, <see cref="UserId"/>, <see cref="RawFrom"/> is set.
/// </summary>
/// <param name="Phone">Digits only (E.164 without <c>+</c>), from <c>from</c> or the contact's <c>wa_id</c>.</param>
/// <param name="UserId">The business-scoped user id (<c>from_user_id</c> or the contact's <c>user_id</c>).</param>
/// <param name="ParentUserId">The parent BSUID shared across linked portfolios, when Meta sends one.</param>
/// <param name="RawFrom">The sender exactly as sent in <c>from</c>, even when it is not digits.</param>
/// <param name="ProfileName">The customer's WhatsApp profile name (<c>contacts[].profile.name</c>).</param>
/// <param name="Username">The customer's WhatsApp username, when they set one.</param>
public sealed record MetaCustomer(
    string? Phone,
    string? UserId,
    string? ParentUserId,
    string? RawFrom,
    string? ProfileName,
    string? Username);
