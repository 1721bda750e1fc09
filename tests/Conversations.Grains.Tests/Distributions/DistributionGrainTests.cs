using System.Text.Json;
using Conversations.Domain.Billing;
using Conversations.Domain.Distributions;
using Conversations.Domain.Numbers;
using Conversations.Domain.Surveys;
using Conversations.Grains.Distributions;

namespace Conversations.Grains.Tests.Distributions;

/// <summary>
/// The Distribution grain: one chain of run steps (a repeated or stale step changes nothing), a
/// durable <c>sendAt</c>, cancel stopping the chain, and its row in the brand's list.
/// </summary>
public sealed class DistributionGrainTests
{
    [Fact]
    public async Task CreatingStartsOneRunAndOnlyTheCurrentStepAdvancesIt()
    {
        await using var host = await GrainHost.StartAsync();
        var (brandId, grain) = New(host, out var distributionId);

        var created = await grain.CreateAsync(Plan(distributionId, host.Clock.GetUtcNow(), sendAt: null));
        var again = await grain.CreateAsync(Plan(distributionId, host.Clock.GetUtcNow().AddDays(1), sendAt: null));

        Assert.Equal(DistributionStatus.Running, created.Status);
        Assert.Equal(created.Plan, again.Plan); // the second create changed nothing
        await RunAsync(host, distributionId, step: 0);

        var stale = await grain.AdvanceAsync(runStep: 5, "447700900100", 10, done: false, null);
        Assert.Equal((0L, (string?)null), (stale.Step, stale.Cursor));

        var advanced = await grain.AdvanceAsync(runStep: 0, "447700900100", 10, done: false, null);
        Assert.Equal((1L, "447700900100", 10L), (advanced.Step, advanced.Cursor, advanced.Handled));
        await RunAsync(host, distributionId, step: 1);

        var repeated = await grain.AdvanceAsync(runStep: 0, "447700900200", 10, done: false, null);
        Assert.Equal((1L, "447700900100"), (repeated.Step, repeated.Cursor));

        var finished = await grain.AdvanceAsync(runStep: 1, "447700900200", 3, done: true, null);
        Assert.Equal((DistributionStatus.Finished, 13L), (finished.Status, finished.Handled));
        Assert.Equal(host.Clock.GetUtcNow(), finished.FinishedAt);
        var row = JsonSerializer.Deserialize<DistributionRow>(Assert.Single(await host.RowsAsync(DistributionRow.Collection, brandId)).Body, GrainJson.Options)!;
        Assert.Equal((DistributionStatus.Finished, DistributionKinds.TwoWay, 3L), (row.Status, row.Kind, row.Recipients));
    }

    [Fact]
    public async Task ANextRunDueLaterWaitsForItsDurableTimer()
    {
        await using var host = await GrainHost.StartAsync();
        var (_, grain) = New(host, out var distributionId);
        await grain.CreateAsync(Plan(distributionId, host.Clock.GetUtcNow(), sendAt: null));

        await grain.AdvanceAsync(runStep: 0, "447700900100", 80, done: false, host.Clock.GetUtcNow().AddSeconds(1));
        await host.Runtime.Outbox.DispatchOnceAsync();
        Assert.DoesNotContain(host.Published, m => m.Topic == DistributionRun.Topic && Step(m.Payload) == 1);

        await host.AdvanceAsync(TimeSpan.FromSeconds(1));
        await RunAsync(host, distributionId, step: 1);
    }

    [Fact]
    public async Task SendAtIsADurableTimerAndCancelStopsTheChain()
    {
        await using var host = await GrainHost.StartAsync();
        var (brandId, grain) = New(host, out var distributionId);
        var created = await grain.CreateAsync(Plan(distributionId, host.Clock.GetUtcNow(), sendAt: host.Clock.GetUtcNow().AddHours(2)));
        Assert.Equal(DistributionStatus.Scheduled, created.Status);

        await host.RestartAsync();
        await host.AdvanceAsync(TimeSpan.FromHours(2));
        grain = host.Get<IDistributionGrain>($"{brandId}:{distributionId}");
        Assert.Equal(DistributionStatus.Running, (await grain.GetAsync()).Status);
        await RunAsync(host, distributionId, step: 0);

        var cancelled = await grain.CancelAsync();
        Assert.Equal(DistributionStatus.Cancelled, cancelled.Status);
        var afterCancel = await grain.AdvanceAsync(runStep: 0, "447700900100", 10, done: false, null);
        Assert.Equal((DistributionStatus.Cancelled, (string?)null), (afterCancel.Status, afterCancel.Cursor));
        Assert.Equal(DistributionStatus.Cancelled, (await grain.CancelAsync()).Status);
    }

    [Fact]
    public async Task CancellingAScheduledDistributionMeansItNeverStarts()
    {
        await using var host = await GrainHost.StartAsync();
        var (_, grain) = New(host, out var distributionId);
        await grain.CreateAsync(Plan(distributionId, host.Clock.GetUtcNow(), sendAt: host.Clock.GetUtcNow().AddHours(1)));

        await grain.CancelAsync();
        await host.AdvanceAsync(TimeSpan.FromHours(2));
        await host.Runtime.Outbox.DispatchOnceAsync();

        Assert.Equal(DistributionStatus.Cancelled, (await grain.GetAsync()).Status);
        Assert.DoesNotContain(host.Published, m => m.Topic == DistributionRun.Topic && m.Payload.Contains(distributionId, StringComparison.Ordinal));
    }

    private static (string BrandId, IDistributionGrain Grain) New(GrainHost host, out string distributionId)
    {
        var brandId = Given.NewBrandId();
        distributionId = $"d_{Guid.NewGuid():N}"[..22];
        return (brandId, host.Get<IDistributionGrain>($"{brandId}:{distributionId}"));
    }

    private static async Task RunAsync(GrainHost host, string distributionId, long step) =>
        await host.PublishedAsync(m => m.Topic == DistributionRun.Topic && m.Payload.Contains(distributionId, StringComparison.Ordinal) && Step(m.Payload) == step);

    private static long Step(string payload) => JsonSerializer.Deserialize<DistributionRun>(payload, GrainJson.Options)!.Step;

    private static DistributionPlan Plan(string distributionId, DateTimeOffset now, DateTimeOffset? sendAt) => new(
        distributionId, DistributionKinds.TwoWay, "csat", new SurveyDefinition("CSAT", null, [new SurveyQuestion("q1", SurveyQuestionKinds.Nps, "How likely…?")]),
        Given.BusinessNumber, ChannelProvider.Sandbox, Given.Template(TemplateCategory.Marketing), ["{{contact.firstName}}"], null, 3, sendAt, now);
}
