using Conversations.Domain.Numbers;

namespace Conversations.Silo.Numbers;

/// <summary>Registration statuses on the wire, in snake_case.</summary>
internal static class RegistrationNames
{
    private static readonly Dictionary<string, RegistrationStatus> ByName = new(StringComparer.Ordinal)
    {
        ["approved"] = RegistrationStatus.Approved,
        ["name_approval_pending"] = RegistrationStatus.NameApprovalPending,
        ["display_name_rejected"] = RegistrationStatus.DisplayNameRejected,
        ["certificate_not_found"] = RegistrationStatus.CertificateNotFound,
        ["otp_verification_pending"] = RegistrationStatus.OtpVerificationPending,
    };

    public static IReadOnlyCollection<string> All => ByName.Keys;

    public static bool TryParse(string name, out RegistrationStatus status) => ByName.TryGetValue(name, out status);

    public static string Of(RegistrationStatus status) => ByName.First(p => p.Value == status).Key;
}
