using System.Xml.Linq;
using Conversations.Grains.Secrets;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Conversations.Silo.Secrets;

/// <summary>
/// The Data Protection key ring in the database: elements are written through the
/// <see cref="IKeyRingGrain"/> (so a write is one grain turn, on any node) and read as its committed
/// rows. Data Protection's API is synchronous; the async calls run on the thread pool and are waited
/// for, which cannot deadlock (ASP.NET Core has no synchronisation context, and the work is started
/// by <see cref="Task.Run(Func{Task})"/> in any case). It is only called when the key ring is loaded
/// or a key is created — at start-up and about once a day — never per secret.
/// </summary>
internal sealed class GrainXmlRepository(IGrainStorage storage, IGrainFactory grains, MasterKeyCipher cipher) : IXmlRepository
{
    private const int PageSize = 100;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var elements = Task.Run(() => ReadAllAsync(CancellationToken.None)).GetAwaiter().GetResult();
        cipher.EnsureDecryptable(elements);
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = string.IsNullOrEmpty(friendlyName) ? $"element-{Guid.NewGuid():N}" : friendlyName;
        var xml = element.ToString(SaveOptions.DisableFormatting);
        var keyRing = grains.GetGrain<IKeyRingGrain>(KeyRingRows.GrainKey);
        _ = Task.Run(() => keyRing.StoreAsync(name, xml)).GetAwaiter().GetResult();
    }

    /// <summary>Every element, oldest first, paging down the sort keys.</summary>
    internal async Task<IReadOnlyList<XElement>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var rows = new List<StoredRow>();
        string? before = null;
        while (true)
        {
            var page = await storage.ListRowsAsync(KeyRingRows.Collection, KeyRingRows.Partition, before, PageSize, cancellationToken).ConfigureAwait(false);
            rows.AddRange(page);
            if (page.Count < PageSize)
            {
                break;
            }

            before = page[^1].SortKey;
        }

        rows.Reverse();
        return rows.Select(r => XElement.Parse(r.Body)).ToList();
    }
}
