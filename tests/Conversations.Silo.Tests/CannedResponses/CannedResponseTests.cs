using System.Net;
using System.Text;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Silo.Tests.Admin;

namespace Conversations.Silo.Tests.CannedResponses;

/// <summary><c>/api/brands/{brandId}/canned-responses</c>: CRUD, every validation naming its field, unique names, tenant isolation.</summary>
public abstract class CannedResponseTests(AdminSilo silo)
{
    [Fact]
    public async Task AdminCreatesReadsUpdatesAndDeletesAndOperatorsRead()
    {
        var brandId = await silo.NewBrandAsync();
        var admin = await silo.NewKeyAsync(brandId, "admin");
        var operatorKey = await silo.NewKeyAsync(brandId, "operator");

        var created = await admin.CreateCannedResponseAsync(brandId, new("Greeting", "Hi {{customer.name|there}}, {{operator.name}} from {{brand.name}} here."));
        var second = await admin.CreateCannedResponseAsync(brandId, new("away", "We are closed; we answer at 9:00."));

        Assert.StartsWith("cr_", created.Id, StringComparison.Ordinal);
        Assert.Equal(["customer.name", "operator.name", "brand.name"], created.Fields);
        Assert.Equal(Key(created), Key(await operatorKey.GetCannedResponseAsync(brandId, created.Id)));
        Assert.Equal(["away", "Greeting"], (await operatorKey.ListCannedResponsesAsync(brandId)).Select(r => r.Name));

        var updated = await admin.UpdateCannedResponseAsync(brandId, created.Id, new("Greeting", "Hello {{customer.name}}!"));
        Assert.Equal((created.Id, "Hello {{customer.name}}!", created.CreatedAt), (updated.Id, updated.Text, updated.CreatedAt));
        Assert.True(updated.UpdatedAt >= created.UpdatedAt);
        Assert.Equal(Key(updated), Key(await operatorKey.GetCannedResponseAsync(brandId, created.Id)));

        await admin.DeleteCannedResponseAsync(brandId, created.Id);
        var gone = await Assert.ThrowsAsync<ConversationsApiException>(() => operatorKey.GetCannedResponseAsync(brandId, created.Id));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal([second.Id], (await operatorKey.ListCannedResponsesAsync(brandId)).Select(r => r.Id));
        var writeByOperator = await Assert.ThrowsAsync<ConversationsApiException>(() => operatorKey.CreateCannedResponseAsync(brandId, new("mine", "Hi")));
        Assert.Equal(HttpStatusCode.Forbidden, writeByOperator.StatusCode);
    }

    [Fact]
    public async Task CreateAnswers201WithTheLocationOfTheNewResponse()
    {
        var brandId = await silo.NewBrandAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/brands/{brandId}/canned-responses", UriKind.Relative))
        {
            Content = new StringContent("""{"name":"Greeting","text":"Hi {{customer.name|there}}!"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {AdminSilo.AdminKey}");

        using var response = await silo.Silo.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"/api/brands/{brandId}/canned-responses/cr_", location, StringComparison.Ordinal);
        Assert.Equal("Greeting", (await silo.Root.GetCannedResponseAsync(brandId, location.Split('/')[^1])).Name);
    }

    [Theory]
    [InlineData(null, "Hi", "name", "invalid_format", "name")]
    [InlineData("   ", "Hi", "name", "invalid_format", "name")]
    [InlineData("n101", "Hi", "name", "invalid_format", "100")]
    [InlineData("Greeting", null, "text", "invalid_format", "text")]
    [InlineData("Greeting", "", "text", "invalid_format", "text")]
    [InlineData("Greeting", "t4097", "text", "invalid_format", "4,096")]
    [InlineData("Greeting", "Hi {{customer.nmae}}!", "text", "unknown_field", "{{customer.nmae}}")]
    [InlineData("Greeting", "Order {{1}} shipped", "text", "unknown_field", "{{1}}")]
    public async Task InvalidCreateOrUpdateIsA400NamingTheField(string? name, string? text, string field, string code, string detail)
    {
        var brandId = await silo.NewBrandAsync();
        var existing = await silo.Root.CreateCannedResponseAsync(brandId, new("Existing", "Hi"));
        var request = new CannedResponseRequest(name == "n101" ? new string('n', 101) : name, text == "t4097" ? new string('t', 4_097) : text);

        var create = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.CreateCannedResponseAsync(brandId, request));
        var update = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.UpdateCannedResponseAsync(brandId, existing.Id, request));

        foreach (var failure in new[] { create, update })
        {
            Assert.Equal((HttpStatusCode.BadRequest, field, code), (failure.StatusCode, failure.Field, failure.Code));
            Assert.Contains(detail, failure.Problem!.Detail, StringComparison.Ordinal);
        }

        Assert.Equal([Key(existing)], (await silo.Root.ListCannedResponsesAsync(brandId)).Select(Key));
    }

    [Fact]
    public async Task NameAndTextAtTheirLimitsAreAccepted()
    {
        var brandId = await silo.NewBrandAsync();

        var created = await silo.Root.CreateCannedResponseAsync(brandId, new(new string('n', 100), new string('t', 4_096)));

        Assert.Equal((100, 4_096), (created.Name.Length, created.Text.Length));
    }

    [Fact]
    public async Task NamesAreUniqueWithinABrandIgnoringCaseButFreeAcrossBrands()
    {
        var brandId = await silo.NewBrandAsync();
        var greeting = await silo.Root.CreateCannedResponseAsync(brandId, new("Greeting", "Hi"));
        var away = await silo.Root.CreateCannedResponseAsync(brandId, new("Away", "Closed"));

        var duplicate = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.CreateCannedResponseAsync(brandId, new("GREETING", "Hello")));
        var renamedOnto = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.UpdateCannedResponseAsync(brandId, away.Id, new("greeting", "Closed")));
        var sameNameKept = await silo.Root.UpdateCannedResponseAsync(brandId, greeting.Id, new("greeting", "Hello"));
        var otherBrand = await silo.NewBrandAsync();
        var elsewhere = await silo.Root.CreateCannedResponseAsync(otherBrand, new("Greeting", "Hi"));

        Assert.Equal((HttpStatusCode.Conflict, "name_taken", "name"), (duplicate.StatusCode, duplicate.Code, duplicate.Field));
        Assert.Equal((HttpStatusCode.Conflict, "name_taken"), (renamedOnto.StatusCode, renamedOnto.Code));
        Assert.Equal("greeting", sameNameKept.Name);
        Assert.Equal("Greeting", elsewhere.Name);
    }

    [Fact]
    public async Task AnotherBrandsKeyOrRouteGets404()
    {
        var brandId = await silo.NewBrandAsync();
        var created = await silo.Root.CreateCannedResponseAsync(brandId, new("Greeting", "Hi"));
        var other = await silo.NewBrandAsync();
        var outsider = await silo.NewKeyAsync(other, "admin");

        var calls = new Func<Task>[]
        {
            () => outsider.GetCannedResponseAsync(brandId, created.Id),
            () => outsider.ListCannedResponsesAsync(brandId),
            () => outsider.UpdateCannedResponseAsync(brandId, created.Id, new("Mine", "Hi")),
            () => outsider.DeleteCannedResponseAsync(brandId, created.Id),
            () => outsider.GetCannedResponseAsync(other, created.Id),
            () => outsider.UpdateCannedResponseAsync(other, created.Id, new("Mine", "Hi")),
            () => outsider.DeleteCannedResponseAsync(other, created.Id),
        };

        foreach (var call in calls)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<ConversationsApiException>(call)).StatusCode);
        }

        Assert.Empty(await outsider.ListCannedResponsesAsync(other));
        Assert.Equal(Key(created), Key(await silo.Root.GetCannedResponseAsync(brandId, created.Id)));
    }

    [Fact]
    public async Task TheSameIdempotencyKeyCreatesOnce()
    {
        var brandId = await silo.NewBrandAsync();

        var first = await silo.Root.CreateCannedResponseAsync(brandId, new("Greeting", "Hi"), "create-greeting-1");
        var again = await silo.Root.CreateCannedResponseAsync(brandId, new("Greeting", "Hi"), "create-greeting-1");
        var reused = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.CreateCannedResponseAsync(brandId, new("Other", "Hi"), "create-greeting-1"));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "idempotency_key_reused"), (reused.StatusCode, reused.Code));
        Assert.Single(await silo.Root.ListCannedResponsesAsync(brandId));
    }

    [Fact]
    public async Task ABrandDeletedAndCreatedAgainHasNoCannedResponses()
    {
        var brandId = await silo.NewBrandAsync();
        await silo.Root.CreateCannedResponseAsync(brandId, new("Greeting", "Hi"));

        await silo.Root.DeleteBrandAsync(brandId);
        await silo.Root.PutBrandAsync(brandId, new("Again", null));

        Assert.Empty(await silo.Root.ListCannedResponsesAsync(brandId));
        Assert.Equal("Greeting", (await silo.Root.CreateCannedResponseAsync(brandId, new("Greeting", "Hello"))).Name);
    }

    /// <summary>Everything a view holds, comparable (its field list by content).</summary>
    private static (string, string, string, string, DateTimeOffset, DateTimeOffset) Key(CannedResponseView view) =>
        (view.Id, view.Name, view.Text, string.Join(',', view.Fields), view.CreatedAt, view.UpdatedAt);
}

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteCannedResponseTests(SqliteAdminSilo silo) : CannedResponseTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresCannedResponseTests(PostgresAdminSilo silo) : CannedResponseTests(silo);
