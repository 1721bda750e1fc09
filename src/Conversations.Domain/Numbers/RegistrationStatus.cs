namespace Conversations.Domain.Numbers;

/// <summary>Where a number stands with Meta's registration. Only <see cref="Approved"/> can send.</summary>
public enum RegistrationStatus
{
    Approved,
    NameApprovalPending,
    DisplayNameRejected,
    CertificateNotFound,
    OtpVerificationPending,
}
