using System.Text.Json;
using Conversations.Runtime.Grains;

namespace Conversations.Grains.Distributions;

/// <summary>The Distribution grain: see <see cref="IDistributionGrain"/>.</summary>
internal sealed class DistributionGrain : Grain<DistributionState>, IDistributionGrain
{
    /// <summary>The durable timer of a distribution's <c>sendAt</c>.</summary>
    public const string StartTimer = "distribution.start";

    /// <summary>The durable timer of a run's next step, when the number's rate asks to wait.</summary>
    public const string NextTimer = "distribution.next";

    private (string BrandId, string DistributionId) Key
    {
        get
        {
            var colon = Id.Key.IndexOf(':', StringComparison.Ordinal);
            return (Id.Key[..colon], Id.Key[(colon + 1)..]);
        }
    }

    public Task<DistributionSnapshot> GetAsync() => Task.FromResult(Snapshot());

    public Task<DistributionSnapshot> CreateAsync(DistributionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (State.Plan is not null)
        {
            return Task.FromResult(Snapshot());
        }

        if (plan.SendAt is { } sendAt && sendAt > Now)
        {
            State = State with { Plan = plan, Status = DistributionStatus.Scheduled };
            SetTimer(StartTimer, sendAt);
        }
        else
        {
            Start(plan);
        }

        WriteRow();
        return Task.FromResult(Snapshot());
    }

    public Task<DistributionSnapshot> AdvanceAsync(long runStep, string? cursor, int handled, bool done, DateTimeOffset? nextRunAt)
    {
        if (State.Status != DistributionStatus.Running || runStep != State.Step)
        {
            return Task.FromResult(Snapshot());
        }

        var next = State with
        {
            Cursor = cursor is not null && (State.Cursor is null || string.CompareOrdinal(cursor, State.Cursor) > 0) ? cursor : State.Cursor,
            Handled = State.Handled + handled,
            Step = State.Step + 1,
        };
        if (done)
        {
            State = next with { Status = DistributionStatus.Finished, FinishedAt = Now };
            WriteRow();
        }
        else if (nextRunAt is { } at && at > Now)
        {
            State = next;
            SetTimer(NextTimer, at);
        }
        else
        {
            State = next;
            QueueRun();
        }

        return Task.FromResult(Snapshot());
    }

    public Task<DistributionSnapshot> CancelAsync()
    {
        if (State.Plan is not null && State.Status is DistributionStatus.Scheduled or DistributionStatus.Running)
        {
            State = State with { Status = DistributionStatus.Cancelled, CancelledAt = Now, Step = State.Step + 1 };
            CancelTimer(StartTimer);
            CancelTimer(NextTimer);
            WriteRow();
        }

        return Task.FromResult(Snapshot());
    }

    protected override Task OnTimerAsync(string name, DateTimeOffset dueAt)
    {
        if (name == StartTimer && State is { Plan: { } plan, Status: DistributionStatus.Scheduled })
        {
            Start(plan);
            WriteRow();
        }
        else if (name == NextTimer && State.Status == DistributionStatus.Running)
        {
            QueueRun();
        }

        return Task.CompletedTask;
    }

    protected override DistributionState InitialState() => DistributionState.Initial;

    private void Start(DistributionPlan plan)
    {
        State = State with { Plan = plan, Status = DistributionStatus.Running, StartedAt = Now };
        QueueRun();
    }

    private void QueueRun()
    {
        var (brandId, distributionId) = Key;
        Enqueue(DistributionRun.Topic, JsonSerializer.Serialize(new DistributionRun(brandId, distributionId, State.Step), GrainJson.Options));
    }

    private void WriteRow()
    {
        var plan = State.Plan!;
        var (brandId, distributionId) = Key;
        var row = new DistributionRow(
            distributionId, plan.Kind, plan.SurveyId, plan.BusinessNumber, plan.List, plan.Recipients, State.Status,
            plan.CreatedAt, plan.SendAt, State.StartedAt, State.FinishedAt, State.CancelledAt);
        UpsertRow(
            DistributionRow.Collection, DistributionRow.RowKey(brandId, distributionId), brandId,
            DistributionRow.SortKey(plan.CreatedAt, distributionId), JsonSerializer.Serialize(row, GrainJson.Options));
    }

    private DistributionSnapshot Snapshot() =>
        new(State.Plan, State.Status, State.StartedAt, State.FinishedAt, State.CancelledAt, State.Cursor, State.Step, State.Handled);
}
