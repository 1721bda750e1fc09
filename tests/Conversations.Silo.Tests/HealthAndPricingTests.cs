using System.Net;
using System.Text.Json;

namespace Conversations.Silo.Tests;

[Collection(SiloCollectionDefinition.Name)]
public sealed class HealthAndPricingTests(SiloFixture fixture)
{
    private readonly HttpClient _client = fixture.Silo.Client;

    [Fact]
    public async Task HealthzAnswers200WithStatusOk()
    {
        using var response = await _client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task PricingShowsCreditPriceWithFeeAndTheDefaultRateCardRow()
    {
        using var body = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/pricing", UriKind.Relative)));
        var root = body.RootElement;

        Assert.Equal(2_000_000, root.GetProperty("creditValue").GetProperty("amountMicros").GetInt64());
        Assert.Equal(2_060_000, root.GetProperty("creditCharge").GetProperty("amountMicros").GetInt64());
        Assert.Equal("USD", root.GetProperty("creditCharge").GetProperty("currency").GetString());
        var rows = root.GetProperty("rateCard").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("callingCode").GetString() == "*");
        Assert.Contains(rows, r => r.GetProperty("callingCode").GetString() == "1"
            && r.GetProperty("marketing").GetProperty("amountMicros").GetInt64() > 0);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesThePricingRoute()
    {
        using var body = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        Assert.True(body.RootElement.GetProperty("paths").TryGetProperty("/api/pricing", out _));
    }
}
