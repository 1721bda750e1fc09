using System.Text.Json;
using Conversations.Domain.Conversations;
using Conversations.Domain.Numbers;
using Conversations.Grains.Brands;
using Conversations.Grains.Conversations;
using Conversations.Grains.Numbers;

namespace Conversations.Grains.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task StateAndTimersSurviveARestartOnTheSameDatabase()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        await Given.BrandAsync(host, brandId, credits: 3);
        await host.Get<IBrandGrain>(brandId).ConnectTwilioAsync("12341234123", "AC0123456789abcdef0123456789abcdef", "f1e2d3c4b5a6978877665544332211aa");
        await host.Get<IPhoneNumberGrain>(Given.BusinessNumber).ClaimAsync(brandId, ChannelProvider.Meta);
        var billed = Given.Conversation(host, brandId);
        await billed.SendAsync(Given.TemplateMessage("tmpl-1"));
        var waiting = Given.Conversation(host, brandId, "5511987654321");
        await waiting.ReceiveAsync(new InboundMessage("wamid.1", "Olá, darn"));

        var before = await SnapshotsAsync(host, brandId);
        await host.RestartAsync();
        var after = await SnapshotsAsync(host, brandId);

        Assert.Equal(before, after);
        Assert.Contains("\"twilioPhoneNumber\":\"12341234123\"", after, StringComparison.Ordinal);

        // The response timer set before the restart fires on the new host.
        await host.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(ChatStatus.Missed, (await Given.Conversation(host, brandId, "5511987654321").GetAsync()).Chat!.Status);
    }

    private static async Task<string> SnapshotsAsync(GrainHost host, string brandId)
    {
        var snapshots = new object[]
        {
            await host.Get<IBrandGrain>(brandId).GetAsync(),
            await host.Get<IPhoneNumberGrain>(Given.BusinessNumber).GetAsync(),
            await Given.Conversation(host, brandId).GetAsync(),
            await Given.Conversation(host, brandId, "5511987654321").GetAsync(),
        };
        return JsonSerializer.Serialize(snapshots, GrainJson.Options);
    }
}
