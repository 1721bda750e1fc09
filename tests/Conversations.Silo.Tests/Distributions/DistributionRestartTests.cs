using System.Globalization;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Grains;
using Conversations.Runtime.Storage;
using Conversations.Silo.Tests.Admin;
using Conversations.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Conversations.Silo.Tests.Distributions;

/// <summary>
/// A distribution of 10,000 recipients on the sandbox, with the silo stopped midway and started
/// again on the same database: the run resumes where it stopped and every recipient gets exactly
/// one invitation. On the embedded database and on PostgreSQL.
/// </summary>
public sealed class DistributionRestartTests(ITestOutputHelper output)
{
    private const string AdminKey = "root-admin-key-for-the-distribution-restart-0123";
    private const int Recipients = 10_000;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task TenThousandRecipientsWithARestartMidwayEachGetExactlyOneInvitation(string storage)
    {
        await using var postgres = storage == "postgres" ? await PostgresServer.StartAsync() : null;
        var folder = Directory.CreateTempSubdirectory("distribution-restart-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Conversations:AdminKey"] = AdminKey,
            ["ConnectionStrings:Conversations"] = postgres is null ? $"Data Source={Path.Combine(folder, "conversations.db")}" : await postgres.CreateDatabaseAsync(),
        };
        if (postgres is not null)
        {
            settings["Conversations:Storage"] = "postgres";
        }

        try
        {
            var silo = await RunningSilo.StartAsync(settings);
            var root = new ConversationsClient(silo.Client, AdminKey);
            var brandId = AdminData.NewBrandId();
            await root.PutBrandAsync(brandId, new BrandRequest("Acme", null));
            var number = AdminData.NewNumber();
            await root.PutSandboxNumberAsync(brandId, number);
            await root.UpdateNumberAsync(brandId, number, new NumberUpdateRequest(null, new ThroughputDto(1000, 1000), null));
            await root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1_000));
            await root.PutTemplateAsync(brandId, "survey_invite", "en", new TemplateRequest("utility", "Hi {{1}}, a short survey?", "approved", null));
            await root.PutSurveyAsync(brandId, "web", new SurveyRequest("Web survey", LinkUrl: "https://surveys.example.com/acme"));
            var first = 447_000_000_000L + (Random.Shared.NextInt64(100_000) * 100_000);
            var phones = Enumerable.Range(0, Recipients).Select(i => (first + i).ToString(CultureInfo.InvariantCulture)).ToList();

            var created = await root.CreateDistributionAsync(brandId, new DistributionRequest(
                "link", "web", number, new TemplateMessageDto("survey_invite", "en", ["{{survey.link}}"]), new DistributionRecipients(Phones: phones)));
            Assert.Equal(Recipients, created.Recipients);

            // Stop the silo once a good part (but not all) was sent.
            var midway = await WaitAsync(root, brandId, created.DistributionId, c => c.Sent >= Recipients / 5);
            output.WriteLine($"{storage}: stopping after {midway.Sent} sent");
            await silo.DisposeAsync();

            silo = await RunningSilo.StartAsync(settings);
            root = new ConversationsClient(silo.Client, AdminKey);
            var done = await WaitAsync(root, brandId, created.DistributionId, c => c.Pending == 0 && c.Sent == Recipients);
            var view = (await root.GetDistributionAsync(brandId, created.DistributionId)).Distribution;
            await WaitFinishedAsync(root, brandId, created.DistributionId);
            output.WriteLine($"{storage}: {done.Sent} sent, {done.Delivered} delivered after the restart");

            // Exactly one invitation per recipient, in the sandbox provider's own record.
            var rows = silo.Services.GetRequiredService<IGrainStorage>();
            var counts = new List<int>(Recipients);
            foreach (var phone in phones)
            {
                counts.Add((await rows.ListRowsAsync(ProjectionCollections.SandboxOutbound, $"{brandId}|{phone}", null, 10, CancellationToken.None)).Count);
            }

            Assert.Equal(Recipients, counts.Count(c => c == 1));
            Assert.Equal("link", view.Kind);
            await silo.DisposeAsync();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<DistributionCounts> WaitAsync(ConversationsClient root, string brandId, string distributionId, Func<DistributionCounts, bool> until)
    {
        var started = DateTimeOffset.UtcNow;
        var deadline = started.AddMinutes(8);
        var report = started.AddSeconds(10);
        while (true)
        {
            var counts = (await root.GetDistributionAsync(brandId, distributionId, limit: 1)).Distribution.Counts;
            if (until(counts))
            {
                return counts;
            }

            if (DateTimeOffset.UtcNow >= report)
            {
                output.WriteLine($"{(DateTimeOffset.UtcNow - started).TotalSeconds:F0} s: {counts.Sent} sent, {counts.Delivered} delivered, {counts.Pending} pending");
                report = report.AddSeconds(10);
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"the distribution did not get there in time: {counts}");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// After the last send, the distribution finishes when its next-step timer fires and finds nothing left. Timers fire
    /// in due order, behind the sandbox's delivered and read timers of the 10,000 invitations (each firing a turn or
    /// two and their commits): on a machine busy with other tests that backlog took more than a minute once.
    /// </summary>
    private static async Task WaitFinishedAsync(ConversationsClient root, string brandId, string distributionId)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(5);
        while ((await root.GetDistributionAsync(brandId, distributionId, limit: 1)).Distribution.Status != "finished")
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the distribution did not finish");
            await Task.Delay(200);
        }
    }
}
