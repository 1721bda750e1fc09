using System.Net;
using Conversations.Client;

namespace Conversations.Silo.Tests.Admin;

/// <summary>Brand keys: shown once, listed without the key, checked on input, revoked at once.</summary>
public abstract class KeyTests(AdminSilo silo)
{
    [Fact]
    public async Task ACreatedKeyIsShownOnceAndTheListingNeverShowsIt()
    {
        var brandId = await silo.NewBrandAsync();

        var created = await silo.Root.CreateKeyAsync(brandId, new("CRM export", ["operator", "distribute"]));
        await silo.As(created.Key).GetBrandAsync(brandId);
        var listed = Assert.Single(await silo.Root.ListKeysAsync(brandId));
        var rawListing = await GetRawAsync($"/api/brands/{brandId}/keys");

        Assert.StartsWith("cvk_", created.Key, StringComparison.Ordinal);
        Assert.Equal((created.KeyId, "CRM export"), (listed.KeyId, listed.Name));
        Assert.Equal(["operator", "distribute"], listed.Roles);
        Assert.Equal(created.CreatedAt, listed.CreatedAt);
        Assert.NotNull(listed.LastUsedAt);
        Assert.DoesNotContain(created.Key, rawListing, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Key.Split('_')[^1], rawListing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedKeyGets401AtOnce()
    {
        var brandId = await silo.NewBrandAsync();
        var created = await silo.Root.CreateKeyAsync(brandId, new("temp", ["admin"]));
        var key = silo.As(created.Key);
        await key.GetBrandAsync(brandId);

        await silo.Root.RevokeKeyAsync(brandId, created.KeyId);

        var refused = await Assert.ThrowsAsync<ConversationsApiException>(() => key.GetBrandAsync(brandId));
        Assert.Equal((HttpStatusCode.Unauthorized, "unauthorized"), (refused.StatusCode, refused.Code));
        Assert.Empty(await silo.Root.ListKeysAsync(brandId));
        var again = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.RevokeKeyAsync(brandId, created.KeyId));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task AnAdminKeyManagesTheBrandsKeysAndMayRevokeItself()
    {
        var brandId = await silo.NewBrandAsync();
        var admin = await silo.Root.CreateKeyAsync(brandId, new("admin", ["admin"]));
        var client = silo.As(admin.Key);

        var operatorKey = await client.CreateKeyAsync(brandId, new("agent", ["operator"]));
        await client.RevokeKeyAsync(brandId, admin.KeyId);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<ConversationsApiException>(() => client.ListKeysAsync(brandId))).StatusCode);
        await silo.As(operatorKey.Key).GetBrandAsync(brandId);
    }

    [Theory]
    [InlineData("", "admin", "name")]
    [InlineData("  ", "admin", "name")]
    [InlineData("ok", "", "roles")]
    [InlineData("ok", "superuser", "roles")]
    [InlineData("ok", "Admin", "roles")]
    [InlineData("ok", "root", "roles")]
    public async Task KeyNameAndRolesAreChecked(string name, string roles, string field)
    {
        var brandId = await silo.NewBrandAsync();
        IReadOnlyList<string> list = roles.Length == 0 ? [] : [roles];

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.CreateKeyAsync(brandId, new(name, list)));

        Assert.Equal((HttpStatusCode.BadRequest, field), (failure.StatusCode, failure.Field));
        Assert.Empty(await silo.Root.ListKeysAsync(brandId));
    }

    [Fact]
    public async Task KeysOfAnUnknownBrandAre404()
    {
        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.CreateKeyAsync(AdminData.NewBrandId(), new("k", ["admin"])));

        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
    }

    private async Task<string> GetRawAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {AdminSilo.AdminKey}");
        using var response = await silo.Silo.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
