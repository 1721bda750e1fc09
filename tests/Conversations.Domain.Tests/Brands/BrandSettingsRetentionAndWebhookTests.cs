using Conversations.Domain.Brands;
using Conversations.Domain.Common;

namespace Conversations.Domain.Tests.Brands;

/// <summary>The retention setting's range and the outgoing webhook URL's rules.</summary>
public sealed class BrandSettingsRetentionAndWebhookTests
{
    [Fact]
    public void RetentionDefaultsToAYear()
    {
        Assert.Equal(365, BrandSettings.Default.RetentionDays);
        Assert.Null(BrandSettings.Default.OutgoingWebhookUrl);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(3_650, true)]
    [InlineData(0, false)]
    [InlineData(3_651, false)]
    [InlineData(-30, false)]
    public void RetentionIsOneDayToTenYears(long days, bool accepted)
    {
        var decision = BrandRules.ChangeSettings(BrandState.New("Acme"), BrandSettings.Default with { RetentionDays = days });

        Assert.Equal(accepted, decision.IsAccepted);
        if (!accepted)
        {
            Assert.Equal((RefusalCodes.OutOfRange, "retentionDays"), (decision.Refusal!.Code, decision.Refusal.Field));
            Assert.Contains("3,650", decision.Refusal.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("https://crm.example.com/hooks/chats?source=whatsapp")]
    [InlineData("http://127.0.0.1:5099/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://[::1]:8080/hook")]
    public void HttpsOrLoopbackHttpIsAccepted(string url)
    {
        Assert.True(BrandRules.ChangeSettings(BrandState.New("Acme"), BrandSettings.Default with { OutgoingWebhookUrl = url }).IsAccepted);
    }

    [Theory]
    [InlineData("http://crm.example.com/hooks", "https")]
    [InlineData("http://10.0.0.5/hooks", "https")]
    [InlineData("ftp://crm.example.com/hooks", "absolute https URL")]
    [InlineData("/hooks/chats", "absolute https URL")]
    [InlineData("crm.example.com/hooks", "absolute https URL")]
    public void AnythingElseIsRefusedNamingTheField(string url, string reason)
    {
        var decision = BrandRules.ChangeSettings(BrandState.New("Acme"), BrandSettings.Default with { OutgoingWebhookUrl = url });

        Assert.Equal((RefusalCodes.InvalidFormat, "outgoingWebhookUrl"), (decision.Refusal!.Code, decision.Refusal.Field));
        Assert.Contains(reason, decision.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UrlOf2000CharactersIsAcceptedAnd2001Refused()
    {
        const string prefix = "https://crm.example.com/";
        var atLimit = prefix + new string('a', 2_000 - prefix.Length);

        Assert.True(BrandRules.ChangeSettings(BrandState.New("Acme"), BrandSettings.Default with { OutgoingWebhookUrl = atLimit }).IsAccepted);
        var refused = BrandRules.ChangeSettings(BrandState.New("Acme"), BrandSettings.Default with { OutgoingWebhookUrl = atLimit + "a" });
        Assert.Equal("outgoingWebhookUrl", refused.Refusal!.Field);
        Assert.Contains("2,000", refused.Refusal.Message, StringComparison.Ordinal);
    }
}
