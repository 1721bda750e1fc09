using System.Collections.Immutable;
using System.Text.Json;
using Conversations.Domain.Brands;
using Conversations.Grains.Brands;

namespace Conversations.Grains.Tests.Brands;

/// <summary>The Brand grain's state with the outgoing webhook and canned responses reads back as written, and older states read with defaults.</summary>
public sealed class BrandExtrasStateJsonTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WebhookRetentionAndCannedResponsesRoundTrip()
    {
        var settings = BrandSettings.Default with { RetentionDays = 90, OutgoingWebhookUrl = "https://crm.example.com/hooks/chats" };
        var state = BrandGrainState.Initial with
        {
            Brand = BrandState.New("Acme") with { Settings = settings },
            OutgoingWebhookSecret = "CfDJ8protected-form",
            CannedResponses = ImmutableDictionary<string, CannedResponseEntry>.Empty.Add("cr_1", new CannedResponseEntry("Greeting", T0)),
        };

        var read = JsonSerializer.Deserialize<BrandGrainState>(JsonSerializer.Serialize(state, GrainJson.Options), GrainJson.Options)!;

        Assert.Equal((90L, "https://crm.example.com/hooks/chats"), (read.Brand.Settings.RetentionDays, read.Brand.Settings.OutgoingWebhookUrl));
        Assert.Equal("CfDJ8protected-form", read.OutgoingWebhookSecret);
        Assert.Equal(new CannedResponseEntry("Greeting", T0), read.CannedResponses["cr_1"]);
    }

    [Fact]
    public void SettingsStoredBeforeRetentionExistedReadWithTheDefault()
    {
        var read = JsonSerializer.Deserialize<BrandSettings>("""{"responseTimeSeconds":600,"departments":["Sales"]}""", GrainJson.Options)!;

        Assert.Equal((600L, 365L, null), (read.ResponseTimeSeconds, read.RetentionDays, read.OutgoingWebhookUrl));
    }
}
