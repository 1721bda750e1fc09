namespace Conversations.Domain.Numbers;

/// <summary>
/// The number errors a brand must be shown, each with its cause and its fix (from the WhatsApp
/// Business API channel documentation the brief distils).
/// </summary>
public sealed record NumberError(string Code, string Title, string Cause, string Fix)
{
    public static readonly NumberError DisplayNameRejected = new(
        "display_name_rejected",
        "Display name rejected",
        "Meta rejected the number's display name: it does not follow the WhatsApp Business display name guidelines.",
        "Change the display name so that it follows Meta's WhatsApp Business display name guidelines and submit it again.");

    public static readonly NumberError CertificateNotFound = new(
        "certificate_not_found",
        "Certificate not found",
        "Meta has no certificate for this number: it may still be connected to WhatsApp or another provider, its display name may have been rejected, or the account may be disabled for breaking Meta's community guidelines.",
        "Remove the number from WhatsApp or the other provider and connect it again; if the display name was rejected, fix it to follow the guidelines; if the account was disabled, resolve it with Meta.");

    public static readonly NumberError OtpVerificationPending = new(
        "otp_verification_pending",
        "OTP verification pending",
        "The number has not been verified with the one-time code Meta sends by SMS or voice call, so it cannot message customers yet.",
        "Verify the number with the code sent by SMS or voice call; if the code does not arrive, contact support.");

    public static readonly NumberError NumberAlreadyConfigured = new(
        "number_already_configured",
        "Number already configured",
        "This number is already connected to another brand or to another service.",
        "Remove the number from the brand or service that holds it, then connect it here.");

    public static readonly NumberError NameApprovalPending = new(
        "name_approval_pending",
        "Name approval pending",
        "Meta is still reviewing the display name chosen for this number, and it is not approved for use yet.",
        "Wait for Meta's review to finish; the number can send once the name is approved.");

    /// <summary>All five, in the order the documentation lists them.</summary>
    public static IReadOnlyList<NumberError> All { get; } =
        [DisplayNameRejected, CertificateNotFound, OtpVerificationPending, NumberAlreadyConfigured, NameApprovalPending];
}
