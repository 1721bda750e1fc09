using System.Globalization;
using System.Text.Json;
using Conversations.Domain.CannedResponses;
using Conversations.Domain.Common;

namespace Conversations.Grains.Brands;

/// <summary>
/// The Brand grain's canned responses. The texts (up to 4 KB each, a thousand per brand) are rows of
/// the <c>canned_responses</c> projection, not grain state: the brand's state is rewritten on every
/// credit reservation and settlement, and would otherwise carry megabytes on that hot path. The
/// grain keeps only each id's name, so a name stays unique within the brand in one turn.
/// </summary>
internal sealed partial class BrandGrain
{
    public const string CannedResponsesCollection = ProjectionCollections.CannedResponses;

    public Task<CannedResponseOutcome> CreateCannedResponseAsync(string id, string name, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (State.CannedResponses.ContainsKey(id))
        {
            return Task.FromResult(new CannedResponseOutcome(new Refusal("canned_response_exists", $"Canned response {id} already exists.", "id"), null));
        }

        if (State.CannedResponses.Count >= CannedResponse.MaxPerBrand)
        {
            return Task.FromResult(new CannedResponseOutcome(new Refusal(
                CannedResponseOutcome.LimitReached,
                string.Create(CultureInfo.InvariantCulture, $"A brand keeps at most {CannedResponse.MaxPerBrand:N0} canned responses; delete one first."),
                null), null));
        }

        return Task.FromResult(Save(id, name, text, Now));
    }

    public Task<CannedResponseOutcome?> UpdateCannedResponseAsync(string id, string name, string text) =>
        Task.FromResult(State.CannedResponses.TryGetValue(id, out var entry) ? Save(id, name, text, entry.CreatedAt) : null);

    public Task<bool> DeleteCannedResponseAsync(string id)
    {
        if (!State.CannedResponses.ContainsKey(id))
        {
            return Task.FromResult(false);
        }

        State = State with { CannedResponses = State.CannedResponses.Remove(id) };
        DeleteRow(CannedResponsesCollection, CannedResponseRow.RowKey(Id.Key, id));
        return Task.FromResult(true);
    }

    private CannedResponseOutcome Save(string id, string name, string text, DateTimeOffset createdAt)
    {
        if (CannedResponse.Validate(name, text) is [var invalid, ..])
        {
            return new CannedResponseOutcome(invalid, null);
        }

        var taken = State.CannedResponses
            .Where(p => p.Key != id && string.Equals(p.Value.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Value.Name)
            .FirstOrDefault();
        if (taken is not null)
        {
            return new CannedResponseOutcome(new Refusal(CannedResponseOutcome.NameTaken, $"Another canned response is already named '{taken}'; names are unique within a brand (ignoring case).", "name"), null);
        }

        var row = new CannedResponseRow(id, Id.Key, name, text, createdAt, Now);
        State = State with { CannedResponses = State.CannedResponses.SetItem(id, new CannedResponseEntry(name, createdAt)) };
        UpsertRow(CannedResponsesCollection, CannedResponseRow.RowKey(Id.Key, id), Id.Key, $"{name.ToLowerInvariant()}|{id}", JsonSerializer.Serialize(row, GrainJson.Options));
        return new CannedResponseOutcome(null, row);
    }
}
