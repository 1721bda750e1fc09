using Conversations.Domain.Distributions;

namespace Conversations.Domain.Tests.Distributions;

/// <summary><see cref="RecipientStatus"/>: a recipient only moves forward, and a final status stays.</summary>
public sealed class RecipientStatusTests
{
    private static readonly string[] Forward = [RecipientStatus.Pending, RecipientStatus.Queued, RecipientStatus.Sent, RecipientStatus.Delivered, RecipientStatus.Read];

    private static readonly string[] Final = [RecipientStatus.Failed, RecipientStatus.OptedOut, RecipientStatus.Invalid, RecipientStatus.Cancelled];

    [Fact]
    public void StatusesAdvanceInOrderAndNeverBack()
    {
        for (var i = 0; i < Forward.Length; i++)
        {
            for (var j = 0; j < Forward.Length; j++)
            {
                Assert.Equal(j > i, RecipientStatus.Advances(Forward[i], Forward[j]));
            }
        }
    }

    [Fact]
    public void AnyOpenStatusMayFailButAFinalStatusIsNeverReplaced()
    {
        foreach (var open in Forward)
        {
            Assert.True(RecipientStatus.Advances(open, RecipientStatus.Failed));
        }

        foreach (var final in Final)
        {
            foreach (var next in Forward.Concat(Final))
            {
                Assert.False(RecipientStatus.Advances(final, next));
            }
        }
    }
}
