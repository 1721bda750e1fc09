using Conversations.Domain.Numbers;

namespace Conversations.Domain.Tests.Numbers;

public sealed class NumberErrorTests
{
    [Fact]
    public void AllListsTheFiveErrorsOfTheBrief()
    {
        Assert.Equal(
            ["display_name_rejected", "certificate_not_found", "otp_verification_pending", "number_already_configured", "name_approval_pending"],
            NumberError.All.Select(e => e.Code));
    }

    [Fact]
    public void EveryErrorHasATitleACauseAndAFix()
    {
        Assert.All(NumberError.All, error =>
        {
            Assert.False(string.IsNullOrWhiteSpace(error.Title));
            Assert.False(string.IsNullOrWhiteSpace(error.Cause));
            Assert.False(string.IsNullOrWhiteSpace(error.Fix));
            Assert.NotEqual(error.Cause, error.Fix);
        });
    }

    [Fact]
    public void NoTwoErrorsShareACodeTitleCauseOrFix()
    {
        Assert.Equal(5, NumberError.All.Select(e => e.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(5, NumberError.All.Select(e => e.Title).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(5, NumberError.All.Select(e => e.Cause).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(5, NumberError.All.Select(e => e.Fix).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(RegistrationStatus.NameApprovalPending, "name_approval_pending")]
    [InlineData(RegistrationStatus.DisplayNameRejected, "display_name_rejected")]
    [InlineData(RegistrationStatus.CertificateNotFound, "certificate_not_found")]
    [InlineData(RegistrationStatus.OtpVerificationPending, "otp_verification_pending")]
    public void EachBlockingRegistrationStatusShowsItsError(RegistrationStatus status, string code)
    {
        var state = PhoneNumberState.Unowned with { BrandId = "brand-a", Registration = status };

        Assert.Equal(code, state.Error?.Code);
        Assert.Contains(state.Error, NumberError.All);
    }

    [Fact]
    public void ApprovedNumberHasNoError()
    {
        var state = PhoneNumberState.Unowned with { BrandId = "brand-a", Registration = RegistrationStatus.Approved };

        Assert.Null(state.Error);
    }

    [Fact]
    public void EveryRegistrationStatusMapsWithoutThrowing()
    {
        var errors = Enum.GetValues<RegistrationStatus>()
            .Select(status => (PhoneNumberState.Unowned with { Registration = status }).Error)
            .ToList();

        // Every status but Approved blocks sending, each with its own error.
        Assert.Equal(Enum.GetValues<RegistrationStatus>().Length - 1, errors.OfType<NumberError>().Distinct().Count());
    }
}
