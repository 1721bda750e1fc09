using System.Collections.Concurrent;
using System.Text.Json;
using Conversations.Domain.Distributions;
using Conversations.Domain.Messaging;
using Conversations.Grains;
using Conversations.Grains.Conversations;
using Conversations.Grains.Distributions;
using Conversations.Grains.Numbers;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Outbox;
using Conversations.Runtime.Storage;
using Conversations.Silo.Contacts;

namespace Conversations.Silo.Distributions;

/// <summary>
/// Runs one step of a distribution (a <see cref="DistributionRun"/> outbox message): the next batch of
/// recipients after the grain's cursor — as many as the business number sends in a second — each
/// checked against the contact's opt-out as it stands now and sent through its Conversation grain
/// with the message id <c>dist:{distributionId}:{phone}</c>, so a step run again after a crash sends
/// nobody twice. Then the grain advances and queues the next step, one second after this one began,
/// which keeps the number's rate cluster-wide (one chain of steps per distribution).
/// </summary>
internal sealed class DistributionRunHandler(
    IGrainFactory grains, IServiceProvider services, string? publicBaseUrl, TimeProvider time, ILogger<DistributionRunHandler> log) : IOutboxHandler
{
    /// <summary>The most recipients one step sends, whatever the number's rate.</summary>
    public const int MaxBatch = 500;

    /// <summary>Sends in flight at once within a step.</summary>
    private const int Parallelism = 32;

    public string Topic => DistributionRun.Topic;

    public static string MessageIdOf(string distributionId, string phone) => $"dist:{distributionId}:{phone}";

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var run = JsonSerializer.Deserialize<DistributionRun>(message.Payload, GrainJson.Options)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has no distribution run.");
        var grain = grains.GetGrain<IDistributionGrain>($"{run.BrandId}:{run.DistributionId}");
        var snapshot = await grain.GetAsync();
        if (snapshot is not { Plan: { } plan, Status: DistributionStatus.Running } || snapshot.Step != run.Step)
        {
            return; // cancelled, finished, or a step already taken (a repeated delivery of this message)
        }

        var began = time.GetUtcNow();
        var number = await grains.GetGrain<IPhoneNumberGrain>(plan.BusinessNumber).GetCurrentAsync();
        var rate = Math.Max(1, number.Throughput.TextPerSecond);
        var batch = (int)Math.Clamp(Math.Floor(rate), 1, MaxBatch);
        var store = services.GetRequiredService<IDistributionStore>();
        var rows = await store.ListAsync(run.BrandId, run.DistributionId, snapshot.Cursor, batch, cancellationToken);
        var pending = rows.Where(r => r.Status == RecipientStatus.Pending).ToList();
        var updates = new ConcurrentBag<RecipientUpdate>();
        if (pending.Count > 0)
        {
            var contacts = await services.GetRequiredService<IContactStore>().GetManyAsync(run.BrandId, [.. pending.Select(r => r.Phone)], cancellationToken);
            var optedOut = contacts.Where(c => c.OptedOut).Select(c => c.Phone).ToHashSet(StringComparer.Ordinal);
            var numberLeft = number.BrandId != run.BrandId;
            await Parallel.ForEachAsync(
                pending, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (row, _) =>
                {
                    if (optedOut.Contains(row.Phone))
                    {
                        updates.Add(new RecipientUpdate(row.Phone, RecipientStatus.OptedOut, null, null));
                    }
                    else if (numberLeft)
                    {
                        updates.Add(new RecipientUpdate(row.Phone, RecipientStatus.Failed, "number_unavailable", null));
                    }
                    else
                    {
                        updates.Add(await SendAsync(run, plan, row));
                    }
                });
        }

        await store.UpdateAsync(run.BrandId, run.DistributionId, [.. updates], time.GetUtcNow(), cancellationToken);
        var done = rows.Count < batch;
        var next = began + TimeSpan.FromSeconds(rows.Count / rate);
        await grain.AdvanceAsync(run.Step, rows.Count > 0 ? rows[^1].Phone : snapshot.Cursor, rows.Count, done, done ? null : next);
        if (done)
        {
            Log.Finished(log, run.BrandId, run.DistributionId, snapshot.Handled + rows.Count);
        }
    }

    private async Task<RecipientUpdate> SendAsync(DistributionRun run, DistributionPlan plan, RecipientRow row)
    {
        var link = plan.Kind == DistributionKinds.Link ? SurveyLinks.Url(publicBaseUrl, row.Token) : null;
        var values = InvitationFields.ValuesOf(row.Phone, row.FirstName, row.LastName, row.Language, row.Data, link);
        var parameters = InvitationFields.Fill(plan.Parameters, values);
        var messageId = MessageIdOf(run.DistributionId, row.Phone);
        var message = new OutboundMessage(messageId, plan.Provider, new TemplateContent(plan.Template, parameters))
        {
            Invitation = new DistributionInvitation(run.DistributionId, plan.Kind == DistributionKinds.TwoWay ? plan.Survey : null),
        };
        var key = new ConversationKey(run.BrandId, plan.BusinessNumber, row.Phone);
        var result = await grains.GetGrain<IConversationGrain>(key.ToString()).SendAsync(message);
        return result.Refusal is { } refusal
            ? new RecipientUpdate(row.Phone, RecipientStatus.Failed, refusal.Code, null)
            : new RecipientUpdate(row.Phone, RecipientStatus.Queued, null, messageId);
    }
}
