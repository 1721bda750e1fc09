using System.Net;
using Conversations.Client;
using Conversations.Client.Contracts;

namespace Conversations.Silo.Tests.Admin;

/// <summary>Templates: category, status and placeholders are checked; put, list and delete.</summary>
public abstract class TemplateTests(AdminSilo silo)
{
    private static readonly TemplateRequest Valid = new("utility", "Hi {{1}}, your order {{2}} has shipped.", "approved", "HXb5b62575e6e4ff6129ad7c8efe1f983e");

    public static TheoryData<string, string, TemplateRequest, string> Refused() => new()
    {
        { "order_update", "en_US", Valid with { Category = "promotional" }, "category" },
        { "order_update", "en_US", Valid with { Category = "Utility" }, "category" },
        { "order_update", "en_US", Valid with { Category = "1" }, "category" },
        { "order_update", "en_US", Valid with { Category = null }, "category" },
        { "order_update", "en_US", Valid with { Status = "paused" }, "status" },
        { "order_update", "en_US", Valid with { Status = "APPROVED" }, "status" },
        { "order_update", "en_US", Valid with { Status = "0" }, "status" },
        { "order_update", "en_US", Valid with { Body = "Your order {{2}} has shipped." }, "body" },
        { "order_update", "en_US", Valid with { Body = "Hi {{1}}, order {{3}}." }, "body" },
        { "order_update", "en_US", Valid with { Body = "Hi {{0}}." }, "body" },
        { "order_update", "en_US", Valid with { Body = "" }, "body" },
        { "order_update", "en_US", Valid with { Body = new string('x', 1025) }, "body" },
        { "order_update", "en_US", Valid with { ProviderRef = new string('x', 201) }, "providerRef" },
        { "Order-Update", "en_US", Valid, "name" },
        { "order_update", "english", Valid, "language" },
        { "order_update", "en_us", Valid, "language" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task InvalidTemplatesAreRefusedNamingTheField(string name, string language, TemplateRequest template, string field)
    {
        var brandId = await silo.NewBrandAsync();

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PutTemplateAsync(brandId, name, language, template));

        Assert.Equal((HttpStatusCode.BadRequest, field), (failure.StatusCode, failure.Field));
        Assert.StartsWith("urn:conversations:problem:", failure.Problem!.Type, StringComparison.Ordinal);
        Assert.Empty(await silo.Root.ListTemplatesAsync(brandId));
    }

    [Theory]
    [InlineData("utility", "approved", "Your code is ready.")]
    [InlineData("marketing", "pending", "Hi {{1}}, {{2}} is {{3}}% off until {{4}}.")]
    [InlineData("authentication", "rejected", "{{1}} is your verification code. {{1}} expires in 10 minutes.")]
    public async Task EveryCategoryAndStatusIsAcceptedWithGaplessPlaceholders(string category, string status, string body)
    {
        var brandId = await silo.NewBrandAsync();

        var put = await silo.Root.PutTemplateAsync(brandId, "promo_2024", "pt_BR", new(category, body, status, null));

        Assert.Equal(new TemplateView("promo_2024", "pt_BR", category, body, status, null), put);
        Assert.Equal(put, Assert.Single(await silo.Root.ListTemplatesAsync(brandId)));
    }

    [Fact]
    public async Task TemplatesAreKeptByNameAndLanguageReplacedByPutAndDeletedOneByOne()
    {
        var brandId = await silo.NewBrandAsync();
        await silo.Root.PutTemplateAsync(brandId, "order_update", "en_US", Valid);
        await silo.Root.PutTemplateAsync(brandId, "order_update", "es", Valid with { Body = "Hola {{1}}, tu pedido {{2}} fue enviado." });
        await silo.Root.PutTemplateAsync(brandId, "order_update", "en_US", Valid with { Status = "rejected" });

        var listed = await silo.Root.ListTemplatesAsync(brandId);

        Assert.Equal(2, listed.Count);
        Assert.Equal("rejected", Assert.Single(listed, t => t.Language == "en_US").Status);

        await silo.Root.DeleteTemplateAsync(brandId, "order_update", "en_US");
        var again = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.DeleteTemplateAsync(brandId, "order_update", "en_US"));

        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("es", Assert.Single(await silo.Root.ListTemplatesAsync(brandId)).Language);
    }
}
