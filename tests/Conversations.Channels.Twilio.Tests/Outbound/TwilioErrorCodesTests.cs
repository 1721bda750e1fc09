using Conversations.Channels.Twilio.Outbound;

namespace Conversations.Channels.Twilio.Tests.Outbound;

/// <summary>The same codes arrive as <c>ErrorCode</c> on failed status callbacks, so the mapping stands on its own.</summary>
public sealed class TwilioErrorCodesTests
{
    [Theory]
    [InlineData(63016, TwilioFailureReasons.OutsideWindow)]
    [InlineData(21610, TwilioFailureReasons.OptedOut)]
    [InlineData(63018, TwilioFailureReasons.Throttled)]
    [InlineData(63003, TwilioFailureReasons.InvalidNumber)]
    [InlineData(20003, TwilioFailureReasons.CredentialsRejected)]
    public void StatusCallbackErrorCodesMapToReasons(int code, string reason) =>
        Assert.Equal(reason, TwilioErrorCodes.ReasonFor(code));

    [Fact]
    public void UnknownCodeHasNoReasonOfItsOwn() => Assert.Null(TwilioErrorCodes.ReasonFor(30008));

    [Theory]
    [InlineData(63018, true)]
    [InlineData(20429, true)]
    [InlineData(63016, false)]
    [InlineData(21610, false)]
    public void OnlyThrottlingIsRetryable(int code, bool retryable) =>
        Assert.Equal(retryable, TwilioErrorCodes.IsRetryable(code));
}
