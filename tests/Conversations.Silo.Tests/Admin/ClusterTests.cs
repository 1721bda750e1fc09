using System.Net;
using Conversations.Client;
using Microsoft.Extensions.Logging;

namespace Conversations.Silo.Tests.Admin;

/// <summary>
/// Two nodes on one PostgreSQL database with one master key. (That a secret protected on one node is
/// unprotected on another is covered by Secrets/SharedKeyRingTests.)
/// </summary>
[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class ClusterTests(PostgresAdminSilo silo)
{
    [Fact]
    public async Task AKeyRevokedOnOneNodeGets401OnTheOtherAtOnce()
    {
        await using var other = await silo.StartNodeAsync();
        var brandId = await silo.NewBrandAsync();
        var created = await silo.Root.CreateKeyAsync(brandId, new("agent", ["operator"]));
        var onOther = new ConversationsClient(other.Client, created.Key);
        await onOther.GetBrandAsync(brandId);

        await silo.Root.RevokeKeyAsync(brandId, created.KeyId);

        var refused = await Assert.ThrowsAsync<ConversationsApiException>(() => onOther.GetBrandAsync(brandId));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(await new ConversationsClient(other.Client, AdminSilo.AdminKey).ListKeysAsync(brandId));
    }

    [Fact]
    public async Task AccountsAndKeysCreatedOnOneNodeServeTheOtherWithoutLeakingTheToken()
    {
        var logs = new LogCapture();
        await using var other = await silo.StartNodeAsync(builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
        });
        var rootOnOther = new ConversationsClient(other.Client, AdminSilo.AdminKey);
        var brandId = AdminData.NewBrandId();
        var token = AdminData.NewAuthToken();
        var number = AdminData.NewNumber();
        await rootOnOther.PutBrandAsync(brandId, new("Acme", null));
        var admin = await rootOnOther.CreateKeyAsync(brandId, new("admin", ["admin"]));

        await new ConversationsClient(other.Client, admin.Key).PutTwilioAccountAsync(brandId, new(number, AdminData.NewAccountSid(), token));

        var adminHere = silo.As(admin.Key);
        Assert.Equal(number, (await adminHere.GetBrandAsync(brandId)).Twilio?.PhoneNumber);
        Assert.Equal([number], (await adminHere.ListNumbersAsync(brandId)).Select(n => n.PhoneNumber));
        var taken = await Assert.ThrowsAsync<ConversationsApiException>(async () =>
            await silo.Root.PutSandboxNumberAsync(await silo.NewBrandAsync(), number));
        Assert.Equal("number_already_configured", taken.Code);
        Assert.Empty(logs.Containing(token));
        Assert.Empty(silo.Logs.Containing(token));
    }
}
