using System.Net;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Silo.Events;
using Conversations.Silo.Tests.Admin;
using Conversations.Testing.Time;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conversations.Silo.Tests.Events;

/// <summary>Tokens for browsers' EventSource: <c>?access_token=</c> on the event stream of their brand, and nowhere else.</summary>
public abstract class EventTokenTests(AdminSilo silo)
{
    [Fact]
    public async Task AnOperatorsTokenOpensTheStreamWithoutAKey()
    {
        var brandId = await silo.NewBrandAsync();
        var operatorKey = await silo.NewKeyAsync(brandId, "operator");
        var issued = await operatorKey.CreateEventTokenAsync(brandId);

        await using var stream = EventCollector.Start(silo.Anonymous, brandId, lastEventId: 0, accessToken: issued.Token);
        await silo.Root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));
        var credits = await stream.NextOfAsync("credits.changed");

        Assert.Equal((1L, brandId), (credits.Id, credits.BrandId));
        Assert.InRange(issued.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(4), DateTimeOffset.UtcNow.AddMinutes(5).AddSeconds(5));
    }

    [Fact]
    public async Task TheTokenIsNotLoggedEvenWithAspNetCoreRequestLoggingTurnedUp()
    {
        var logs = new LogCapture();
        await using var node = await silo.StartNodeAsync(builder =>
        {
            builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug";
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
        });
        var root = new ConversationsClient(node.Client, AdminSilo.AdminKey);
        var brandId = AdminData.NewBrandId();
        await root.PutBrandAsync(brandId, new("Logged", null));
        var token = (await root.CreateEventTokenAsync(brandId)).Token;

        await using (var stream = EventCollector.Start(new ConversationsClient(node.Client, null), brandId, lastEventId: 0, accessToken: token))
        {
            await root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));
            await stream.NextOfAsync("credits.changed");
        }

        using var elsewhere = await node.Client.GetAsync($"api/brands/{brandId}/credits?access_token={Uri.EscapeDataString(token)}");
        Assert.Contains(logs.Lines, l => l.Contains("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Empty(logs.Containing(token));
        Assert.Empty(logs.Containing(Uri.EscapeDataString(token)));
    }

    [Fact]
    public async Task ATokenOpensNoOtherRouteNeitherAsQueryNorAsBearer()
    {
        var brandId = await silo.NewBrandAsync();
        var token = (await silo.Root.CreateEventTokenAsync(brandId)).Token;

        using var asQuery = await silo.Silo.Client.GetAsync($"api/brands/{brandId}/credits?access_token={Uri.EscapeDataString(token)}");
        using var tokensAsQuery = await silo.Silo.Client.PostAsync($"api/brands/{brandId}/events/tokens?access_token={Uri.EscapeDataString(token)}", null);
        var asBearer = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.As(token).GetCreditsAsync(brandId));
        var streamWithBearer = await Assert.ThrowsAsync<ConversationsApiException>(() => ReadOneAsync(silo.As(token), brandId, null));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (asQuery.StatusCode, tokensAsQuery.StatusCode));
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (asBearer.StatusCode, streamWithBearer.StatusCode));
    }

    [Fact]
    public async Task AForgedAlteredOrExpiredTokenIs401()
    {
        var brandId = await silo.NewBrandAsync();
        var token = (await silo.Root.CreateEventTokenAsync(brandId)).Token;
        var altered = token[..^4] + (token[^4] == 'A' ? 'B' : 'A') + token[^3..];
        var anHourAgo = new ManualClock(DateTimeOffset.UtcNow.AddHours(-1));
        var expired = new EventTokens(silo.Silo.Services.GetRequiredService<IDataProtectionProvider>(), anHourAgo).Issue(brandId, null, ["admin"]).Token;

        foreach (var refused in new[] { "not-a-token", altered, expired })
        {
            var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => ReadOneAsync(silo.Anonymous, brandId, refused));
            Assert.Equal((HttpStatusCode.Unauthorized, "invalid_token"), (failure.StatusCode, failure.Code));
        }
    }

    [Fact]
    public async Task AnotherBrandsTokenGets404()
    {
        var brandId = await silo.NewBrandAsync();
        var other = await silo.NewBrandAsync();
        var theirs = (await (await silo.NewKeyAsync(other, "admin")).CreateEventTokenAsync(other)).Token;

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => ReadOneAsync(silo.Anonymous, brandId, theirs));

        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
    }

    [Fact]
    public async Task ATokenOfARevokedKeyIs401()
    {
        var brandId = await silo.NewBrandAsync();
        var created = await silo.Root.CreateKeyAsync(brandId, new("console", ["operator"]));
        var token = (await silo.As(created.Key).CreateEventTokenAsync(brandId)).Token;

        await silo.Root.RevokeKeyAsync(brandId, created.KeyId);

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => ReadOneAsync(silo.Anonymous, brandId, token));
        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
    }

    private static async Task ReadOneAsync(ConversationsClient client, string brandId, string? accessToken)
    {
        await foreach (var _ in client.ReadEventsAsync(brandId, accessToken: accessToken))
        {
            return;
        }
    }
}

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteEventTokenTests(SqliteAdminSilo silo) : EventTokenTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresEventTokenTests(PostgresAdminSilo silo) : EventTokenTests(silo);
