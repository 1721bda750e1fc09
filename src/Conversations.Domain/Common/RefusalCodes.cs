namespace Conversations.Domain.Common;

/// <summary>The stable refusal codes of the domain rules. Clients branch on these strings.</summary>
public static class RefusalCodes
{
    public const string OutOfRange = "out_of_range";
    public const string InvalidFormat = "invalid_format";
    public const string WindowClosed = "window_closed";
    public const string ChatClosed = "chat_closed";
    public const string NoOpenChat = "no_open_chat";
    public const string InsufficientCredit = "insufficient_credit";
    public const string MarketingPausedUs = "marketing_paused_us";
    public const string TemplateNotApproved = "template_not_approved";
    public const string AttachmentRejected = "attachment_rejected";
    public const string NumberAlreadyConfigured = "number_already_configured";
    public const string NumberNotOwned = "number_not_owned";
    public const string UnknownDepartment = "unknown_department";
    public const string TwilioAccountExists = "twilio_account_exists";
    public const string ReservationConflict = "reservation_conflict";
    public const string InvalidSurvey = "invalid_survey";
}
