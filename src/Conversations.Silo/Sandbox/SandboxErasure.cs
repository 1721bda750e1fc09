using Conversations.Grains;
using Conversations.Grains.Conversations;
using Conversations.Grains.Sandbox;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;

namespace Conversations.Silo.Sandbox;

/// <summary>
/// An erasure reaches the sandbox too: it is a simulated provider, but what it took (the business's messages
/// to the customer, their number) is stored in our database, where an erasure must leave nothing.
/// </summary>
internal static class SandboxErasure
{
    private const int PageSize = 500;

    /// <summary>Has the customer's sandbox forget what was sent to them in the conversation of <paramref name="key"/>.</summary>
    public static async Task ForgetAsync(IGrainFactory grains, IGrainStorage storage, ConversationKey key, CancellationToken cancellationToken)
    {
        var partition = SandboxKeys.Of(key.BrandId, key.Customer);
        var rows = new List<StoredRow>();
        string? after = null;
        IReadOnlyList<StoredRow> page;
        do
        {
            page = await storage.ListRowsAfterAsync(ProjectionCollections.SandboxOutbound, partition, after, PageSize, cancellationToken);
            rows.AddRange(page);
            after = page.Count > 0 ? page[^1].SortKey : after;
        }
        while (page.Count == PageSize);

        // Also when no row is left: messages may still await their delivered and read reports.
        await grains.GetGrain<ISandboxGrain>(partition).ForgetConversationAsync(key.ToString(), rows);
    }
}
