namespace Conversations.Domain.Numbers;

/// <summary>
/// What the PhoneNumber grain owns for one business number: which brand holds it and through
/// which provider, its registration with Meta, its department and its outbound throughput.
/// An unowned number has <see cref="BrandId"/> <see langword="null"/>.
/// </summary>
public sealed record PhoneNumberState(
    string? BrandId,
    ChannelProvider Provider,
    RegistrationStatus Registration,
    string? Department,
    Throughput Throughput)
{
    public static PhoneNumberState Unowned { get; } =
        new(null, ChannelProvider.Sandbox, RegistrationStatus.Approved, null, Throughput.DefaultFor(ChannelProvider.Sandbox));

    public bool IsOwned => BrandId is not null;

    /// <summary>The earliest a text message may be handed to the provider (see <see cref="SendPacing"/>).</summary>
    public DateTimeOffset? NextTextSendAt { get; init; }

    /// <summary>The earliest a media message may be handed to the provider.</summary>
    public DateTimeOffset? NextMediaSendAt { get; init; }

    /// <summary>The brief's error for this number's registration, or <see langword="null"/> when it can send.</summary>
    public NumberError? Error => Registration switch
    {
        RegistrationStatus.Approved => null,
        RegistrationStatus.NameApprovalPending => NumberError.NameApprovalPending,
        RegistrationStatus.DisplayNameRejected => NumberError.DisplayNameRejected,
        RegistrationStatus.CertificateNotFound => NumberError.CertificateNotFound,
        RegistrationStatus.OtpVerificationPending => NumberError.OtpVerificationPending,
        _ => throw new InvalidOperationException($"Unknown registration status {Registration}."),
    };
}
