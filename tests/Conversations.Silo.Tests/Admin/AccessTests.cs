using System.Net;
using Conversations.Client;
using Conversations.Silo.Access;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Admin;

/// <summary>The role table over every route, and tenant isolation over every brand route.</summary>
public abstract class AccessTests(AdminSilo silo)
{
    private IReadOnlyList<RouteEndpoint> BrandEndpoints() =>
    [
        .. silo.Silo.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/brands", StringComparison.Ordinal) == true),
    ];

    [Fact]
    public void EveryBrandRouteDeclaresItsAllowedRolesAndIsInTheRoleTable()
    {
        var endpoints = BrandEndpoints();

        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            Assert.True(name is not null, $"{endpoint.DisplayName} has no name, so the role table cannot list it.");
            var roles = endpoint.Metadata.GetMetadata<AllowedRoles>();
            Assert.True(roles is not null, $"{name} ({endpoint.RoutePattern.RawText}) has no AllowedRoles: it would be unguarded.");
            Assert.True(AdminRoutes.Allowed.TryGetValue(name, out var expected), $"{name} is not in the README's role table (AdminRoutes.Allowed).");
            Assert.Equal(expected.Order(StringComparer.Ordinal), roles.Roles.Order(StringComparer.Ordinal));
        }

        Assert.Equal(
            AdminRoutes.Allowed.Keys.Order(StringComparer.Ordinal),
            endpoints.Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AdminRoutes.Names), MemberType = typeof(AdminRoutes))]
    public async Task AllowedCallersPassTheGuardAndOthersGet403OrWithoutKey401(string route)
    {
        var endpoint = Assert.Single(BrandEndpoints(), e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == route);
        var allowed = endpoint.Metadata.GetRequiredMetadata<AllowedRoles>().Roles;
        var brandId = await silo.NewBrandAsync();
        var callers = new List<(string Name, ConversationsClient Client)>();
        foreach (var role in Roles.All)
        {
            callers.Add((role, await silo.NewKeyAsync(brandId, role)));
        }

        // Root last: its DELETE removes the brand the others call.
        callers.Add(("root", silo.Root));

        Assert.Equal(HttpStatusCode.Unauthorized, await AdminRoutes.StatusOfAsync(route, silo.Anonymous, brandId));
        Assert.Equal(HttpStatusCode.Unauthorized, await AdminRoutes.StatusOfAsync(route, silo.As("cvk_not_a_real_key"), brandId));
        foreach (var (name, client) in callers)
        {
            var status = await AdminRoutes.StatusOfAsync(route, client, brandId);
            if (allowed.Contains(name))
            {
                Assert.True(status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500,
                    $"{route} by {name} (allowed) answered {(int)status}.");
            }
            else
            {
                Assert.True(status == HttpStatusCode.Forbidden, $"{route} by {name} (not allowed) answered {(int)status}, not 403.");
            }
        }
    }

    [Fact]
    public async Task AKeyHoldingEveryRoleStillCannotDoRootOnlyThings()
    {
        var brandId = await silo.NewBrandAsync();
        var all = await silo.NewKeyAsync(brandId, Roles.Admin, Roles.Operator, Roles.Distribute);

        var rename = await Assert.ThrowsAsync<ConversationsApiException>(() => all.PutBrandAsync(brandId, new("Mine now", null)));
        var delete = await Assert.ThrowsAsync<ConversationsApiException>(() => all.DeleteBrandAsync(brandId));

        Assert.Equal(HttpStatusCode.Forbidden, rename.StatusCode);
        Assert.Equal("urn:conversations:problem:forbidden", rename.Problem?.Type);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal($"Brand {brandId}", (await silo.Root.GetBrandAsync(brandId)).Name);
    }

    [Fact]
    public async Task MissingOrMalformedAuthorizationIs401WithABearerChallenge()
    {
        var brandId = await silo.NewBrandAsync();
        foreach (var header in new[] { null, "Basic dXNlcjpwYXNz", "Bearer ", "Bearer cvk_abc_def", $"Bearer {AdminSilo.AdminKey}x" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/brands/{brandId}", UriKind.Relative));
            if (header is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", header);
            }

            using var response = await silo.Silo.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
            Assert.Equal("unauthorized", ConversationsProblem.TryParse(await response.Content.ReadAsStringAsync())?.Code);
        }
    }

    [Theory]
    [MemberData(nameof(AdminRoutes.Names), MemberType = typeof(AdminRoutes))]
    public async Task AKeyOfAnotherBrandGets404EvenWhereItsRolesWouldAllow(string route)
    {
        var brandA = await silo.NewBrandAsync();
        var brandB = await silo.NewBrandAsync();
        await silo.Root.PurchaseCreditsAsync(brandB, new(3));
        var keyOfA = await silo.NewKeyAsync(brandA, Roles.Admin, Roles.Operator, Roles.Distribute);

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => AdminRoutes.Calls[route](keyOfA, brandB));

        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
        Assert.Equal("not_found", failure.Code);
        // Nothing of B changed.
        var b = await silo.Root.GetBrandAsync(brandB);
        Assert.Equal($"Brand {brandB}", b.Name);
        Assert.Null(b.Twilio);
        Assert.Equal(6_000_000, (await silo.Root.GetCreditsAsync(brandB)).Balance.AmountMicros);
        Assert.Empty(await silo.Root.ListNumbersAsync(brandB));
        Assert.Empty(await silo.Root.ListTemplatesAsync(brandB));
    }

    [Fact]
    public async Task AKeyOfABrandCannotTouchAnotherBrandsNumber()
    {
        var brandA = await silo.NewBrandAsync();
        var brandB = await silo.NewBrandAsync();
        var numberOfB = AdminData.NewNumber();
        await silo.Root.PutSandboxNumberAsync(brandB, numberOfB);
        var adminOfA = await silo.NewKeyAsync(brandA, Roles.Admin);

        var update = await Assert.ThrowsAsync<ConversationsApiException>(() => adminOfA.UpdateNumberAsync(brandA, numberOfB, new(null, null, "display_name_rejected")));
        var remove = await Assert.ThrowsAsync<ConversationsApiException>(() => adminOfA.DeleteSandboxNumberAsync(brandA, numberOfB));

        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.Equal("approved", Assert.Single(await silo.Root.ListNumbersAsync(brandB)).RegistrationStatus);
    }
}
