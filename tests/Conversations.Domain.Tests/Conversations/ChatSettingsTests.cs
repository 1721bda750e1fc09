using Conversations.Domain.Brands;
using Conversations.Domain.Common;

namespace Conversations.Domain.Tests.Conversations;

/// <summary>The brand's chat settings: inclusive ranges, defaults, and refusals that name the setting and its range.</summary>
public sealed class ChatSettingsTests
{
    private static BrandSettings With(string setting, long value) => setting switch
    {
        "responseTimeSeconds" => new BrandSettings { ResponseTimeSeconds = value },
        "missedCloseSeconds" => new BrandSettings { MissedCloseSeconds = value },
        "idleCloseSeconds" => new BrandSettings { IdleCloseSeconds = value },
        "botIdleCloseSeconds" => new BrandSettings { BotIdleCloseSeconds = value },
        "profanityLimit" => new BrandSettings { ProfanityLimit = value },
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, "Not a chat setting."),
    };

    [Theory]
    [InlineData("responseTimeSeconds", 30)]
    [InlineData("responseTimeSeconds", 86_400)]
    [InlineData("missedCloseSeconds", 900)]
    [InlineData("missedCloseSeconds", 2_592_000)]
    [InlineData("idleCloseSeconds", 60)]
    [InlineData("idleCloseSeconds", 86_400)]
    [InlineData("botIdleCloseSeconds", 60)]
    [InlineData("botIdleCloseSeconds", 86_400)]
    [InlineData("profanityLimit", 1)]
    [InlineData("profanityLimit", 100)]
    public void SettingAtTheEdgeOfItsRangeIsAccepted(string setting, long value)
    {
        Assert.Empty(With(setting, value).Validate());
    }

    [Theory]
    [InlineData("responseTimeSeconds", 29, "30", "86,400")]
    [InlineData("responseTimeSeconds", 86_401, "30", "86,400")]
    [InlineData("missedCloseSeconds", 899, "900", "2,592,000")]
    [InlineData("missedCloseSeconds", 2_592_001, "900", "2,592,000")]
    [InlineData("idleCloseSeconds", 59, "60", "86,400")]
    [InlineData("idleCloseSeconds", 86_401, "60", "86,400")]
    [InlineData("botIdleCloseSeconds", 59, "60", "86,400")]
    [InlineData("botIdleCloseSeconds", 86_401, "60", "86,400")]
    [InlineData("profanityLimit", 0, "1", "100")]
    [InlineData("profanityLimit", 101, "1", "100")]
    public void SettingJustOutsideItsRangeIsRefusedNamingItAndItsRange(string setting, long value, string min, string max)
    {
        var refusal = Assert.Single(With(setting, value).Validate());

        Assert.Equal(RefusalCodes.OutOfRange, refusal.Code);
        Assert.Equal(setting, refusal.Field);
        Assert.Contains(setting, refusal.Message, StringComparison.Ordinal);
        Assert.Contains($"between {min} and {max}", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultSettingsAreValid()
    {
        Assert.Empty(BrandSettings.Default.Validate());
    }

    [Fact]
    public void DefaultsAreTheDocumentedOnes()
    {
        var settings = BrandSettings.Default;

        Assert.Equal(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(settings.ResponseTimeSeconds));
        Assert.Equal(TimeSpan.FromDays(1), TimeSpan.FromSeconds(settings.MissedCloseSeconds));
        Assert.Equal(TimeSpan.FromHours(1), TimeSpan.FromSeconds(settings.IdleCloseSeconds));
        Assert.Equal(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(settings.BotIdleCloseSeconds));
        Assert.Equal(3, settings.ProfanityLimit);
        Assert.False(settings.BotMode);
    }

    [Fact]
    public void MissedChatAutoCloseRangesFromFifteenMinutesToAThirtyDayMonth()
    {
        Assert.Equal(TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(BrandSettings.MissedClose.Min));
        Assert.Equal(TimeSpan.FromDays(30), TimeSpan.FromSeconds(BrandSettings.MissedClose.Max));
    }

    [Fact]
    public void IdleAutoCloseIsAtMost24Hours()
    {
        Assert.Equal(TimeSpan.FromHours(24), TimeSpan.FromSeconds(BrandSettings.IdleClose.Max));
        Assert.Equal(TimeSpan.FromHours(24), TimeSpan.FromSeconds(BrandSettings.BotIdleClose.Max));
    }

    [Fact]
    public void EveryOutOfRangeSettingIsReportedAtOnce()
    {
        var settings = new BrandSettings { ResponseTimeSeconds = 0, MissedCloseSeconds = 60, IdleCloseSeconds = 90_000, BotIdleCloseSeconds = -1, ProfanityLimit = 0 };

        var fields = settings.Validate().Select(r => r.Field ?? "").Order(StringComparer.Ordinal);

        Assert.Equal(["botIdleCloseSeconds", "idleCloseSeconds", "missedCloseSeconds", "profanityLimit", "responseTimeSeconds"], fields);
    }

    [Fact]
    public void RefusalMessageSaysWhatValueWasGiven()
    {
        var refusal = BrandSettings.MissedClose.Check(2_592_001);

        Assert.NotNull(refusal);
        Assert.Contains("got 2,592,001", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(899, false)]
    [InlineData(900, true)]
    [InlineData(2_592_000, true)]
    [InlineData(2_592_001, false)]
    public void SettingRangeBoundsAreInclusive(long value, bool accepted)
    {
        Assert.Equal(accepted, BrandSettings.MissedClose.Check(value) is null);
    }

    [Fact]
    public void ProfanityWordWithoutLettersIsRefused()
    {
        var refusal = Assert.Single(new BrandSettings { ProfanityWords = ["damn", " -- "] }.Validate());

        Assert.Equal(RefusalCodes.InvalidFormat, refusal.Code);
        Assert.Equal("profanityWords[1]", refusal.Field);
    }

    [Fact]
    public void BotModeSwitchesTheIdleLimitInForce()
    {
        var settings = new BrandSettings { IdleCloseSeconds = 1_200, BotIdleCloseSeconds = 300 };

        Assert.Equal(TimeSpan.FromSeconds(1_200), settings.EffectiveIdleLimit);
        Assert.Equal(TimeSpan.FromSeconds(300), (settings with { BotMode = true }).EffectiveIdleLimit);
    }
}
