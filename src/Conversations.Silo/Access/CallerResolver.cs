using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Conversations.Grains;
using Conversations.Grains.Brands;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Silo.Configuration;
using Microsoft.Extensions.Options;

namespace Conversations.Silo.Access;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;key&gt;</c>. The root key is compared in constant time; a brand
/// key is looked up by its hash in committed rows on every request, so a revoked key stops working
/// at once on every node. Last-used times are recorded at most once a minute per key.
/// </summary>
internal sealed class CallerResolver(IOptions<ConversationsOptions> options, IGrainStorage storage, IGrainFactory grains, TimeProvider time)
{
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _touched = new(StringComparer.Ordinal);

    public async Task<Caller?> ResolveAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = header["Bearer ".Length..].Trim();
        if (key.Length is 0 or > 200)
        {
            return null;
        }

        if (options.Value.AdminKey is { } admin
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(admin)))
        {
            return Caller.Root;
        }

        if (!key.StartsWith(ApiKeyFormat.Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var row = await storage.GetRowAsync(ProjectionCollections.ApiKeys, ApiKeyFormat.Hash(key), context.RequestAborted);
        if (row is null)
        {
            return null;
        }

        var found = JsonSerializer.Deserialize<ApiKeyRow>(row.Body, GrainJson.Options)!;
        await TouchAsync(found);
        return new Caller(false, found.BrandId, found.KeyId, found.Roles);
    }

    private async Task TouchAsync(ApiKeyRow key)
    {
        var now = time.GetUtcNow();
        if (_touched.TryGetValue(key.KeyId, out var last) && now - last < TouchEvery)
        {
            return;
        }

        _touched[key.KeyId] = now;
        await grains.GetGrain<IBrandGrain>(key.BrandId).TouchKeyAsync(key.KeyId, now);
    }
}
