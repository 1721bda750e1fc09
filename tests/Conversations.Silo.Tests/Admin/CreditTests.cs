using System.Collections.Concurrent;
using System.Net;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Grains.Brands;
using Conversations.Runtime.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Admin;

/// <summary>Credits: the purchase range, idempotent replay, and no overdraw under concurrency.</summary>
public abstract class CreditTests(AdminSilo silo)
{
    private const long CreditMicros = 2_000_000;
    private const long ChargeMicros = 2_060_000;

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(100_001L)]
    [InlineData(null)]
    public async Task PurchasesOutside1To100000CreditsAreRefused(long? credits)
    {
        var brandId = await silo.NewBrandAsync();

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PurchaseCreditsAsync(brandId, new(credits)));

        Assert.Equal((HttpStatusCode.BadRequest, "credits"), (failure.StatusCode, failure.Field));
        Assert.Equal(credits is null ? "invalid_format" : "out_of_range", failure.Code);
        Assert.Equal(0, (await silo.Root.GetCreditsAsync(brandId)).Balance.AmountMicros);
    }

    [Fact]
    public async Task PurchasesOf1And100000CreditsAreChargedTwoDollarsPlusThreePercentEach()
    {
        var brandId = await silo.NewBrandAsync();

        var one = await silo.Root.PurchaseCreditsAsync(brandId, new(1));
        var most = await silo.Root.PurchaseCreditsAsync(brandId, new(100_000));
        var credits = await silo.Root.GetCreditsAsync(brandId);

        Assert.Equal(new MoneyDto(ChargeMicros, "USD"), one.Charged);
        Assert.Equal(new MoneyDto(CreditMicros, "USD"), one.Balance);
        Assert.Equal(new MoneyDto(100_000 * ChargeMicros, "USD"), most.Charged);
        Assert.Equal(100_001 * CreditMicros, most.Balance.AmountMicros);
        Assert.Equal(most.Balance, credits.Balance);
        Assert.Equal(0, credits.Reserved.AmountMicros);
        Assert.Equal(credits.Balance, credits.Available);
        Assert.Equal([most.PurchaseId, one.PurchaseId], credits.Ledger.Select(l => l.Reference));
        Assert.All(credits.Ledger, l => Assert.Equal("purchase", l.Kind));
    }

    [Fact]
    public async Task TheSameIdempotencyKeyAndBodyReplaysTheFirstResponseAndChargesOnce()
    {
        var brandId = await silo.NewBrandAsync();
        var key = Guid.NewGuid().ToString();

        var first = await silo.Root.PurchaseCreditsAsync(brandId, new(7), key);
        var replay = await silo.Root.PurchaseCreditsAsync(brandId, new(7), key);
        using var raw = await PostRawAsync(brandId, """{"credits":7}""", key);
        var credits = await silo.Root.GetCreditsAsync(brandId);

        Assert.Equal(first, replay);
        Assert.Equal(HttpStatusCode.Created, raw.StatusCode);
        Assert.Equal($"/api/brands/{brandId}/credits", raw.Headers.Location?.OriginalString);
        Assert.Equal("true", string.Join(',', raw.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(7 * CreditMicros, credits.Balance.AmountMicros);
        Assert.Single(credits.Ledger);
    }

    [Fact]
    public async Task TheSameIdempotencyKeyWithAnotherBodyIs422IdempotencyKeyReused()
    {
        var brandId = await silo.NewBrandAsync();
        var key = Guid.NewGuid().ToString();
        await silo.Root.PurchaseCreditsAsync(brandId, new(7), key);

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PurchaseCreditsAsync(brandId, new(8), key));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "idempotency_key_reused"), (failure.StatusCode, failure.Code));
        Assert.Equal("urn:conversations:problem:idempotency_key_reused", failure.Problem!.Type);
        Assert.Equal(7 * CreditMicros, (await silo.Root.GetCreditsAsync(brandId)).Balance.AmountMicros);
    }

    [Fact]
    public async Task AnIdempotencyKeyOver255CharactersIsRefused()
    {
        var brandId = await silo.NewBrandAsync();

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PurchaseCreditsAsync(brandId, new(1), new string('k', 256)));
        await silo.Root.PurchaseCreditsAsync(brandId, new(1), new string('k', 255));

        Assert.Equal((HttpStatusCode.BadRequest, ConversationsClient.IdempotencyKeyHeader), (failure.StatusCode, failure.Field));
        Assert.Equal(CreditMicros, (await silo.Root.GetCreditsAsync(brandId)).Balance.AmountMicros);
    }

    [Fact]
    public async Task AnIdempotencyKeyIsScopedToItsBrand()
    {
        var brandA = await silo.NewBrandAsync();
        var brandB = await silo.NewBrandAsync();
        var key = Guid.NewGuid().ToString();

        await silo.Root.PurchaseCreditsAsync(brandA, new(2), key);
        await silo.Root.PurchaseCreditsAsync(brandB, new(3), key);

        Assert.Equal(2 * CreditMicros, (await silo.Root.GetCreditsAsync(brandA)).Balance.AmountMicros);
        Assert.Equal(3 * CreditMicros, (await silo.Root.GetCreditsAsync(brandB)).Balance.AmountMicros);
    }

    [Fact]
    public async Task AReplayedRefusalIsTheSameRefusal()
    {
        var brandId = await silo.NewBrandAsync();
        var key = Guid.NewGuid().ToString();

        var first = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PurchaseCreditsAsync(brandId, new(0), key));
        var again = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PurchaseCreditsAsync(brandId, new(0), key));

        Assert.Equal(first.Problem, again.Problem);
        Assert.Equal(first.StatusCode, again.StatusCode);
    }

    [Fact]
    public async Task ManyParallelPurchasesWithDistinctKeysSumExactly()
    {
        var brandId = await silo.NewBrandAsync();
        var admin = await silo.NewKeyAsync(brandId, "admin");
        var amounts = Enumerable.Range(1, 40).ToList();

        var responses = await Task.WhenAll(amounts.Select(n => admin.PurchaseCreditsAsync(brandId, new(n), $"buy-{n}")));
        var credits = await silo.Root.GetCreditsAsync(brandId, limit: 500);

        Assert.Equal(amounts.Sum() * CreditMicros, credits.Balance.AmountMicros);
        Assert.Equal(40, responses.Select(r => r.PurchaseId).Distinct().Count());
        Assert.Equal(40, credits.Ledger.Count);
        Assert.Equal(amounts.Sum() * CreditMicros, credits.Ledger.Sum(l => l.Amount.AmountMicros));
        Assert.Equal(credits.Balance.AmountMicros, responses.Max(r => r.Balance.AmountMicros));
    }

    [Fact]
    public async Task ParallelRetriesWithOneIdempotencyKeyChargeOnce()
    {
        var brandId = await silo.NewBrandAsync();
        var key = Guid.NewGuid().ToString();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            try
            {
                return (Response: (PurchaseResponse?)await silo.Root.PurchaseCreditsAsync(brandId, new(5), key), Status: HttpStatusCode.Created);
            }
            catch (ConversationsApiException e)
            {
                return (Response: (PurchaseResponse?)null, Status: e.StatusCode);
            }
        }));

        Assert.Equal(5 * CreditMicros, (await silo.Root.GetCreditsAsync(brandId)).Balance.AmountMicros);
        Assert.All(attempts, a => Assert.Contains(a.Status, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Single(attempts.Where(a => a.Response is not null).Select(a => a.Response).Distinct());
    }

    [Fact]
    public async Task ParallelReservationsNeverOverdraw()
    {
        const long amount = 300_000;
        var brandId = await silo.NewBrandAsync();
        await silo.Root.PurchaseCreditsAsync(brandId, new(10));
        var balance = 10 * CreditMicros;
        var brand = silo.Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IBrandGrain>(brandId);
        var outcomes = new ConcurrentBag<CreditOutcome>();

        // 100 reservations of US$0.30 against US$20: 66 fit.
        await Parallel.ForEachAsync(Enumerable.Range(0, 100), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            outcomes.Add(await brand.ReserveAsync($"wamid.{brandId}.{i}", amount)));

        var accepted = outcomes.Count(o => o.IsAccepted);
        Assert.Equal(balance / amount, accepted);
        Assert.All(outcomes.Where(o => !o.IsAccepted), o => Assert.Equal("insufficient_credit", o.Refusal!.Code));
        Assert.All(outcomes, o => Assert.True(o.Credits.AvailableMicros >= 0, $"available went to {o.Credits.AvailableMicros}"));
        Assert.All(outcomes, o => Assert.True(o.Credits.ReservedMicros <= balance));
        var credits = await silo.Root.GetCreditsAsync(brandId, limit: 500);
        Assert.Equal(accepted * amount, credits.Reserved.AmountMicros);
        Assert.Equal(balance - (accepted * amount), credits.Available.AmountMicros);
        Assert.True(credits.Available.AmountMicros >= 0);
        Assert.Equal(accepted, credits.Ledger.Count(l => l.Kind == "reservation"));
    }

    [Fact]
    public async Task PurchasesRacingReservationsKeepTheLedgerBalanced()
    {
        const long amount = 1_000_000;
        var brandId = await silo.NewBrandAsync();
        var brand = silo.Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IBrandGrain>(brandId);

        var purchases = Enumerable.Range(0, 10).Select(i => silo.Root.PurchaseCreditsAsync(brandId, new(1), $"p-{i}"));
        var reservations = Enumerable.Range(0, 40).Select(i => brand.ReserveAsync($"wamid.{i}", amount));
        await Task.WhenAll(purchases);
        var outcomes = await Task.WhenAll(reservations);
        var credits = await silo.Root.GetCreditsAsync(brandId, limit: 500);

        Assert.Equal(10 * CreditMicros, credits.Balance.AmountMicros);
        Assert.Equal(outcomes.Count(o => o.IsAccepted) * amount, credits.Reserved.AmountMicros);
        Assert.True(credits.Reserved.AmountMicros <= credits.Balance.AmountMicros);
        Assert.All(outcomes, o => Assert.True(o.Credits.AvailableMicros >= 0));
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=501", "limit")]
    [InlineData("?cursor=abc", "cursor")]
    public async Task LedgerPagingParametersAreChecked(string query, string field)
    {
        var brandId = await silo.NewBrandAsync();
        var limit = query.StartsWith("?limit=", StringComparison.Ordinal) ? int.Parse(query[7..], System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        var cursor = query.StartsWith("?cursor=", StringComparison.Ordinal) ? query[8..] : null;

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.GetCreditsAsync(brandId, cursor, limit));

        Assert.Equal((HttpStatusCode.BadRequest, field), (failure.StatusCode, failure.Field));
    }

    [Fact]
    public async Task TheLedgerPagesNewestFirst()
    {
        var brandId = await silo.NewBrandAsync();
        for (var i = 1; i <= 5; i++)
        {
            await silo.Root.PurchaseCreditsAsync(brandId, new(i));
        }

        var first = await silo.Root.GetCreditsAsync(brandId, limit: 2);
        var second = await silo.Root.GetCreditsAsync(brandId, first.NextCursor, 2);
        var last = await silo.Root.GetCreditsAsync(brandId, second.NextCursor, 2);

        Assert.Equal([5 * CreditMicros, 4 * CreditMicros], first.Ledger.Select(l => l.Amount.AmountMicros));
        Assert.Equal([3 * CreditMicros, 2 * CreditMicros], second.Ledger.Select(l => l.Amount.AmountMicros));
        Assert.Equal([CreditMicros], last.Ledger.Select(l => l.Amount.AmountMicros));
        Assert.Null(last.NextCursor);
    }

    private async Task<HttpResponseMessage> PostRawAsync(string brandId, string json, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/brands/{brandId}/credits/purchases", UriKind.Relative))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {AdminSilo.AdminKey}");
        request.Headers.TryAddWithoutValidation(ConversationsClient.IdempotencyKeyHeader, idempotencyKey);
        return await silo.Silo.Client.SendAsync(request);
    }
}
