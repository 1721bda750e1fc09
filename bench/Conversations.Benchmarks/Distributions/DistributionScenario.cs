using System.Diagnostics;
using System.Globalization;
using Conversations.Benchmarks.Contacts;
using Conversations.Benchmarks.Harness;
using Conversations.Benchmarks.Webhooks;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Grains;
using Conversations.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Benchmarks.Distributions;

/// <summary>
/// A link distribution to a list of generated contacts (100,000 by default) on the sandbox channel, the
/// business number at the highest rate a number may have (1,000 messages/s: unthrottled on this machine),
/// in one real silo on SQLite or PostgreSQL: invitations handed to the provider per second (created until
/// every recipient is <c>sent</c>), the time until all are delivered, and — from the sandbox provider's own
/// record, one query per recipient — whether each recipient got exactly one invitation.
/// </summary>
internal static class DistributionScenario
{
    public static async Task RunAsync(BenchArgs args)
    {
        var kind = args.Text("storage", "sqlite");
        var recipients = args.Int("recipients", 100_000);
        await using var storage = await BenchStorage.StartAsync(kind);
        await using var silo = await BenchSilo.StartAsync(storage, new Dictionary<string, string?>());
        using var http = new HttpClient { BaseAddress = silo.Address, Timeout = Timeout.InfiniteTimeSpan };
        var client = new ConversationsClient(http, silo.AdminKey);
        var brandId = silo.BrandId;
        const string number = "15125550199";
        await client.PutSandboxNumberAsync(brandId, number);
        await client.UpdateNumberAsync(brandId, number, new NumberUpdateRequest(null, new ThroughputDto(1000, 1000), null));
        await client.PurchaseCreditsAsync(brandId, new PurchaseRequest(Math.Max(100, recipients / 20)));
        await client.PutTemplateAsync(brandId, "survey_invite", "en", new TemplateRequest("utility", "Hi {{1}}, a short survey: {{2}}", "approved", null));
        await client.PutSurveyAsync(brandId, "web", new SurveyRequest("Web survey", LinkUrl: "https://surveys.example.com/acme"));
        await client.CreateContactListAsync(brandId, new ContactListRequest("bench", "Benchmark recipients"));
        var imported = await client.ImportContactsAsync(brandId, new GeneratedContactsCsv(recipients, 0), "bench");
        Report.Info(FormattableString.Invariant($"distribution {kind}: {imported.Created:N0} contacts imported into the list"));

        var started = Stopwatch.GetTimestamp();
        var created = await client.CreateDistributionAsync(brandId, new DistributionRequest(
            "link", "web", number, new TemplateMessageDto("survey_invite", "en", ["{{contact.firstName|there}}", "{{survey.link}}"]),
            new DistributionRecipients(List: "bench")));
        var createdIn = Stopwatch.GetElapsedTime(started);
        Report.Info(FormattableString.Invariant($"created {created.DistributionId} with {created.Recipients:N0} recipients in {createdIn.TotalSeconds:0.0} s"));

        TimeSpan? allSent = null;
        var lastReport = TimeSpan.Zero;
        DistributionCounts counts;
        while (true)
        {
            counts = (await client.GetDistributionAsync(brandId, created.DistributionId, limit: 1)).Distribution.Counts;
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (allSent is null && counts.Pending == 0 && counts.Sent == created.Recipients)
            {
                allSent = elapsed;
            }

            if (counts.Delivered == created.Recipients)
            {
                break;
            }

            if (elapsed - lastReport >= TimeSpan.FromSeconds(30))
            {
                lastReport = elapsed;
                Report.Info(FormattableString.Invariant($"  {elapsed.TotalSeconds:0} s: {counts.Sent:N0} sent, {counts.Delivered:N0} delivered, {counts.Pending:N0} pending"));
            }

            if (elapsed > TimeSpan.FromHours(1))
            {
                throw new TimeoutException($"The distribution did not finish within an hour: {counts}");
            }

            await Task.Delay(500);
        }

        var delivered = Stopwatch.GetElapsedTime(started);
        var sent = allSent ?? delivered;
        Report.Run($"distribution {kind}: invitations handed to the provider", 1, created.Recipients / sent.TotalSeconds, "messages/s",
            FormattableString.Invariant($"{created.Recipients:N0} in {sent.TotalSeconds:0.0} s from the create request"));
        Report.Run($"distribution {kind}: invitations delivered (sandbox reports)", 1, created.Recipients / delivered.TotalSeconds, "messages/s",
            FormattableString.Invariant($"all delivered {delivered.TotalSeconds:0.0} s after the create request"));

        // Exactly one invitation per recipient, by the sandbox provider's own record of what it was given.
        var rows = silo.Services.GetRequiredService<IGrainStorage>();
        var histogram = new SortedDictionary<int, int>();
        for (var i = 0; i < recipients; i++)
        {
            var got = (await rows.ListRowsAsync(ProjectionCollections.SandboxOutbound, $"{brandId}|{GeneratedContactsCsv.PhoneOf(i)}", null, 10, CancellationToken.None)).Count;
            histogram[got] = histogram.GetValueOrDefault(got) + 1;
        }

        var described = string.Join(", ", histogram.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Value:N0} recipients got {h.Key}")));
        Report.Info($"invitations per recipient: {described}");
        Report.Info(histogram.Count == 1 && histogram.ContainsKey(1)
            ? $"exactly one invitation each: yes ({recipients:N0} of {recipients:N0})"
            : "exactly one invitation each: NO");
        Report.Info($"final counts: {counts}");
    }
}
