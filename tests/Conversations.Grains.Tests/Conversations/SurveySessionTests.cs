using System.Text.Json;
using Conversations.Domain.Billing;
using Conversations.Domain.Brands;
using Conversations.Domain.Conversations;
using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;
using Conversations.Domain.Surveys;
using Conversations.Grains.Contacts;
using Conversations.Grains.Conversations;
using Conversations.Grains.Distributions;

namespace Conversations.Grains.Tests.Conversations;

/// <summary>
/// Two-way surveys inside the Conversation grain: the reply to an invitation starts the session, each
/// question goes out as a free message, an invalid answer is asked again once, a skip rule jumps,
/// answers are recorded as they arrive, the end thanks; opt-out keywords end it and confirm once;
/// a closing window expires it. No chat opens for operators while it runs.
/// </summary>
public sealed class SurveySessionTests
{
    private static readonly SurveyQuestion Nps = new("nps", SurveyQuestionKinds.Nps, "How likely are you to recommend us?")
    {
        Skip = [new SkipRule("10", "end")],
    };

    private static readonly SurveyQuestion Why = new("why", SurveyQuestionKinds.Text, "What could we do better?") { MaxLength = 200 };

    private static readonly SurveyDefinition Survey = new("CSAT", null, [Nps, Why]) { ThankYou = "Thanks, Acme." };

    [Fact]
    public async Task TheReplyStartsTheSurveyAnInvalidAnswerIsAskedAgainOnceAndTheEndThanks()
    {
        await using var host = await GrainHost.StartAsync();
        var (brandId, conversation) = await InvitedAsync(host, "d_one");

        await Reply(conversation, "m1", "Sure");
        await Reply(conversation, "m2", "eleven");
        await Reply(conversation, "m3", "still no");
        await Reply(conversation, "m4", "Faster delivery");

        var sent = await TextsSentAsync(host, conversation, 4);
        var hint = SurveyAnswers.Check(Nps, "eleven").Hint;
        Assert.Equal([SurveyPrompts.Ask(Nps), hint + "\n\n" + SurveyPrompts.Ask(Nps), SurveyPrompts.Ask(Why), "Thanks, Acme."], sent);
        var response = await ResponseAsync(host, brandId, "d_one");
        Assert.Equal(SurveySessionStatus.Completed, response.Status);
        Assert.Equal([("nps", null, false), ("why", "Faster delivery", true)], response.Answers.Select(a => (a.QuestionId, a.Value, a.Valid)));
        Assert.Equal(["started", "completed"], await SurveyProgressAsync(host, "d_one", 2));

        // No operator chat came of the customer's replies; the invitation's own chat is the only one.
        var snapshot = await conversation.GetAsync();
        Assert.Equal(1, snapshot.Chat!.Number);
        Assert.True(snapshot.WindowOpen);

        // Over: the next message is the customer's own, for operators.
        var after = await conversation.ReceiveAsync(new InboundMessage("m5", "One more thing"));
        Assert.False(after.Duplicate);
        Assert.Equal(4, (await TextsSentAsync(host, conversation, 4)).Count);
    }

    [Fact]
    public async Task ASkipRuleEndsTheSurveyEarly()
    {
        await using var host = await GrainHost.StartAsync();
        var (brandId, conversation) = await InvitedAsync(host, "d_skip");

        await Reply(conversation, "m1", "hello");
        await Reply(conversation, "m2", "10");

        Assert.Equal([SurveyPrompts.Ask(Nps), "Thanks, Acme."], await TextsSentAsync(host, conversation, 2));
        var response = await ResponseAsync(host, brandId, "d_skip");
        Assert.Equal(SurveySessionStatus.Completed, response.Status);
        Assert.Equal([("nps", "10")], response.Answers.Select(a => (a.QuestionId, a.Value)));
    }

    [Fact]
    public async Task StopEndsTheSessionOptsTheContactOutAndIsConfirmedOnce()
    {
        await using var host = await GrainHost.StartAsync();
        var (brandId, conversation) = await InvitedAsync(host, "d_stop");

        await Reply(conversation, "m1", "ok");
        await Reply(conversation, "m2", "Stop!");
        await Reply(conversation, "m3", "STOP");
        await Reply(conversation, "m4", "7");

        Assert.Equal([SurveyPrompts.Ask(Nps), OptOutConfirmation], await TextsSentAsync(host, conversation, 2));
        Assert.Equal(SurveySessionStatus.OptedOut, (await ResponseAsync(host, brandId, "d_stop")).Status);
        var optOut = JsonSerializer.Deserialize<ContactOptOut>(
            (await host.PublishedAsync(m => m.Topic == ContactOptOut.Topic && m.Payload.Contains(brandId, StringComparison.Ordinal))).Payload, GrainJson.Options)!;
        Assert.Equal((Given.UkCustomer, true, "keyword:STOP!"), (optOut.Phone, optOut.OptedOut, optOut.Source));
        await host.Runtime.Outbox.DispatchOnceAsync();
        Assert.Single(host.Published, m => m.Topic == ContactOptOut.Topic && m.Payload.Contains(brandId, StringComparison.Ordinal));

        // "7" after STOP went to operators: a waiting chat, no survey answer.
        Assert.Empty((await ResponseAsync(host, brandId, "d_stop")).Answers);
    }

    [Fact]
    public async Task StartWhereTheCustomerDidNotStopOptsTheContactBackInAndStillReachesOperators()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        await Given.BrandAsync(host, brandId, credits: 1);
        var conversation = Given.Conversation(host, brandId);

        await Reply(conversation, "m1", "start");

        Assert.Equal(ChatStatus.Waiting, (await conversation.GetAsync()).Chat!.Status);
        var optIn = JsonSerializer.Deserialize<ContactOptOut>(
            (await host.PublishedAsync(m => m.Topic == ContactOptOut.Topic && m.Payload.Contains(brandId, StringComparison.Ordinal))).Payload, GrainJson.Options)!;
        Assert.Equal((Given.UkCustomer, false), (optIn.Phone, optIn.OptedOut));
        Assert.Empty(await TextsSentAsync(host, conversation, 1));
    }

    [Fact]
    public async Task TheSessionExpiresWhenTheWindowClosesAndNeverSendsAgain()
    {
        await using var host = await GrainHost.StartAsync();
        var (brandId, conversation) = await InvitedAsync(host, "d_late");

        await Reply(conversation, "m1", "ok");
        await host.AdvanceAsync(TimeSpan.FromHours(24).Add(TimeSpan.FromSeconds(1)));

        Assert.Equal(SurveySessionStatus.Expired, (await ResponseAsync(host, brandId, "d_late")).Status);
        Assert.Contains("expired", await SurveyProgressAsync(host, "d_late", 2));
        await Reply(conversation, "m2", "9");
        Assert.Single(await TextsSentAsync(host, conversation, 1));
        Assert.Empty((await ResponseAsync(host, brandId, "d_late")).Answers);
    }

    [Fact]
    public async Task TheInvitationsDeliveryIsReportedToItsDistribution()
    {
        await using var host = await GrainHost.StartAsync();
        var (_, conversation) = await InvitedAsync(host, "d_status");

        await conversation.ReportDeliveryAsync(InvitationId("d_status"), DeliveryStatus.Delivered);
        await conversation.ReportDeliveryAsync(InvitationId("d_status"), DeliveryStatus.Delivered);

        var progress = await host.PublishedAsync(m => m.Topic == DistributionProgress.Topic && m.Payload.Contains("d_status", StringComparison.Ordinal));
        Assert.Equal("delivered", JsonSerializer.Deserialize<DistributionProgress>(progress.Payload, GrainJson.Options)!.Status);
        await host.Runtime.Outbox.DispatchOnceAsync();
        Assert.Single(host.Published, m => m.Topic == DistributionProgress.Topic && m.Payload.Contains("d_status", StringComparison.Ordinal));
    }

    /// <summary>As the grain words it (the grain is internal to its assembly).</summary>
    private const string OptOutConfirmation = "You will no longer receive surveys from us on WhatsApp. Reply START to receive them again.";

    private static string InvitationId(string distributionId) => $"dist:{distributionId}:{Given.UkCustomer}";

    private static async Task<(string BrandId, IConversationGrain Conversation)> InvitedAsync(GrainHost host, string distributionId)
    {
        var brandId = Given.NewBrandId();
        await Given.BrandAsync(host, brandId, credits: 1);
        var conversation = Given.Conversation(host, brandId);
        var template = new MessageTemplate("survey_invite", "en", TemplateCategory.Marketing, TemplateStatus.Approved, "Hi {{1}}, a quick survey?", null);
        var sent = await conversation.SendAsync(new OutboundMessage(InvitationId(distributionId), ChannelProvider.Sandbox, new TemplateContent(template, ["Ana"]))
        {
            Invitation = new DistributionInvitation(distributionId, Survey),
        });
        Assert.True(sent.IsAccepted, sent.Refusal?.Message);
        return (brandId, conversation);
    }

    private static async Task Reply(IConversationGrain conversation, string id, string text) =>
        Assert.False((await conversation.ReceiveAsync(new InboundMessage(id, text))).Duplicate);

    /// <summary>The free-form texts queued to the customer (not the invitation), each once, in order, once at least <paramref name="atLeast"/> were.</summary>
    private static async Task<IReadOnlyList<string>> TextsSentAsync(GrainHost host, IConversationGrain conversation, int atLeast)
    {
        var brandId = (await conversation.GetAsync()).BrandId;
        List<string> texts = [];
        for (var attempt = 0; attempt < 200; attempt++)
        {
            texts = [.. host.Published
                .Where(m => m.Topic == ProjectionCollections.OutboundTopic)
                .Select(m => JsonSerializer.Deserialize<OutboundSendRequest>(m.Payload, GrainJson.Options)!)
                .Where(r => r.Text is not null && r.MessageId.StartsWith("auto:", StringComparison.Ordinal) && r.BrandId == brandId)
                .DistinctBy(r => r.MessageId) // the outbox delivers at least once: a lease that lapsed when the clock jumped redelivers
                .OrderBy(r => long.Parse(r.MessageId["auto:".Length..], System.Globalization.CultureInfo.InvariantCulture))
                .Select(r => r.Text!)];
            if (texts.Count >= atLeast)
            {
                return texts;
            }

            await host.Runtime.Outbox.DispatchOnceAsync();
            await Task.Delay(10);
        }

        return texts;
    }

    private static async Task<SurveyResponseRow> ResponseAsync(GrainHost host, string brandId, string distributionId) =>
        JsonSerializer.Deserialize<SurveyResponseRow>(
            Assert.Single(await host.RowsAsync(SurveyResponseRow.Collection, SurveyResponseRow.Partition(brandId, distributionId))).Body, GrainJson.Options)!;

    private static async Task<IReadOnlyList<string?>> SurveyProgressAsync(GrainHost host, string distributionId, int atLeast)
    {
        List<string?> seen = [];
        for (var attempt = 0; attempt < 200 && seen.Count < atLeast; attempt++)
        {
            await host.Runtime.Outbox.DispatchOnceAsync();
            seen = [.. host.Published
                .Where(m => m.Topic == DistributionProgress.Topic)
                .Select(m => JsonSerializer.Deserialize<DistributionProgress>(m.Payload, GrainJson.Options)!)
                .Where(p => p.DistributionId == distributionId && p.Survey is not null)
                .Select(p => p.Survey)];
            await Task.Delay(10);
        }

        return seen;
    }
}
