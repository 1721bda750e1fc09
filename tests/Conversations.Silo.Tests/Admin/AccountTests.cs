using System.Net;
using Conversations.Client;
using Conversations.Client.Contracts;

namespace Conversations.Silo.Tests.Admin;

/// <summary>Provider accounts and numbers: Twilio formats, one Twilio account per brand, a number held by one brand only.</summary>
public abstract class AccountTests(AdminSilo silo)
{
    public static TheoryData<string, string, string, string> BadTwilio() => new()
    {
        { "+12025550123", "sid", "token", "phoneNumber" },
        { "1-202-555-0123", "sid", "token", "phoneNumber" },
        { "1 202 555 0123", "sid", "token", "phoneNumber" },
        { "02025550123", "sid", "token", "phoneNumber" },
        { "1234567", "sid", "token", "phoneNumber" },
        { "1234567890123456", "sid", "token", "phoneNumber" },
        { "", "sid", "token", "phoneNumber" },
        { "number", "AC0123456789abcdef0123456789abcde", "token", "accountSid" },
        { "number", "AC0123456789abcdef0123456789abcdef0", "token", "accountSid" },
        { "number", "AB0123456789abcdef0123456789abcdef", "token", "accountSid" },
        { "number", "ac0123456789abcdef0123456789abcdef", "token", "accountSid" },
        { "number", "AC0123456789abcdef0123456789abcdeg", "token", "accountSid" },
        { "number", "sid", "0123456789abcdef0123456789abcde", "authToken" },
        { "number", "sid", "0123456789abcdef0123456789abcdef0", "authToken" },
        { "number", "sid", "0123456789abcdef0123456789abcdeg", "authToken" },
        { "number", "sid", "", "authToken" },
    };

    [Theory]
    [MemberData(nameof(BadTwilio))]
    public async Task TwilioNumberSidAndTokenFormatsAreCheckedNamingTheField(string number, string sid, string token, string field)
    {
        var brandId = await silo.NewBrandAsync();
        var request = new TwilioAccountRequest(
            number == "number" ? AdminData.NewNumber() : number,
            sid == "sid" ? AdminData.NewAccountSid() : sid,
            token == "token" ? AdminData.NewAuthToken() : token);

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PutTwilioAccountAsync(brandId, request));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_format", field), (failure.StatusCode, failure.Code, failure.Field));
        Assert.Null((await silo.Root.GetBrandAsync(brandId)).Twilio);
        Assert.Empty(await silo.Root.ListNumbersAsync(brandId));
    }

    [Fact]
    public async Task UpperAndLowerCaseHexAreBothAcceptedForSidAndToken()
    {
        var brandId = await silo.NewBrandAsync();
        var number = AdminData.NewNumber();

        var connected = await silo.Root.PutTwilioAccountAsync(brandId, new(number, "AC0123456789ABCDEF0123456789abcdef", "0123456789ABCDEF0123456789abcdef"));

        Assert.Equal(new TwilioAccountView(number, "AC0123456789ABCDEF0123456789abcdef"), connected);
        var listed = Assert.Single(await silo.Root.ListNumbersAsync(brandId));
        Assert.Equal((number, "twilio"), (listed.PhoneNumber, listed.Provider));
    }

    [Fact]
    public async Task ASecondTwilioAccountIsRefusedWhileOneIsConnected()
    {
        var brandId = await silo.NewBrandAsync();
        var first = new TwilioAccountRequest(AdminData.NewNumber(), AdminData.NewAccountSid(), AdminData.NewAuthToken());
        await silo.Root.PutTwilioAccountAsync(brandId, first);
        var second = new TwilioAccountRequest(AdminData.NewNumber(), AdminData.NewAccountSid(), AdminData.NewAuthToken());

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PutTwilioAccountAsync(brandId, second));
        var sameSidOtherNumber = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            silo.Root.PutTwilioAccountAsync(brandId, first with { PhoneNumber = AdminData.NewNumber() }));

        Assert.Equal((HttpStatusCode.Conflict, "twilio_account_exists"), (failure.StatusCode, failure.Code));
        Assert.Equal("urn:conversations:problem:twilio_account_exists", failure.Problem!.Type);
        Assert.Equal((HttpStatusCode.Conflict, "twilio_account_exists"), (sameSidOtherNumber.StatusCode, sameSidOtherNumber.Code));
        Assert.Equal(new TwilioAccountView(first.PhoneNumber!, first.AccountSid!), (await silo.Root.GetBrandAsync(brandId)).Twilio);
        // The refused account's number was not claimed.
        Assert.Equal([first.PhoneNumber], (await silo.Root.ListNumbersAsync(brandId)).Select(n => n.PhoneNumber));
        var other = await silo.NewBrandAsync();
        await silo.Root.PutSandboxNumberAsync(other, second.PhoneNumber!);
    }

    [Fact]
    public async Task TheSameTwilioAccountAgainIsAcceptedAndAfterRemovalAnotherCanConnect()
    {
        var brandId = await silo.NewBrandAsync();
        var first = new TwilioAccountRequest(AdminData.NewNumber(), AdminData.NewAccountSid(), AdminData.NewAuthToken());
        await silo.Root.PutTwilioAccountAsync(brandId, first);

        await silo.Root.PutTwilioAccountAsync(brandId, first with { AuthToken = AdminData.NewAuthToken() });
        await silo.Root.DeleteTwilioAccountAsync(brandId);
        var again = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.DeleteTwilioAccountAsync(brandId));
        var second = new TwilioAccountRequest(AdminData.NewNumber(), AdminData.NewAccountSid(), AdminData.NewAuthToken());
        await silo.Root.PutTwilioAccountAsync(brandId, second);

        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(second.AccountSid, (await silo.Root.GetBrandAsync(brandId)).Twilio?.AccountSid);
        Assert.Equal([second.PhoneNumber], (await silo.Root.ListNumbersAsync(brandId)).Select(n => n.PhoneNumber));
    }

    [Theory]
    [InlineData("twilio", "twilio")]
    [InlineData("twilio", "meta")]
    [InlineData("twilio", "sandbox")]
    [InlineData("meta", "twilio")]
    [InlineData("meta", "meta")]
    [InlineData("meta", "sandbox")]
    [InlineData("sandbox", "twilio")]
    [InlineData("sandbox", "meta")]
    [InlineData("sandbox", "sandbox")]
    public async Task ANumberAnotherBrandHoldsIsRefusedWithNumberAlreadyConfigured(string holder, string claimant)
    {
        var holding = await silo.NewBrandAsync();
        var claiming = await silo.NewBrandAsync();
        var number = AdminData.NewNumber();
        await ConnectAsync(holding, holder, number);

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => ConnectAsync(claiming, claimant, number));

        Assert.Equal((HttpStatusCode.Conflict, "number_already_configured"), (failure.StatusCode, failure.Code));
        Assert.Equal("urn:conversations:problem:number_already_configured", failure.Problem!.Type);
        Assert.Empty(await silo.Root.ListNumbersAsync(claiming));
        Assert.Null((await silo.Root.GetBrandAsync(claiming)).Twilio);
        Assert.Empty(await silo.Root.ListWabasAsync(claiming));
        var held = Assert.Single(await silo.Root.ListNumbersAsync(holding));
        Assert.Equal((number, holder), (held.PhoneNumber, held.Provider));
    }

    [Fact]
    public async Task MetaNumbersAreListedByWabaAndRemovedOneByOne()
    {
        var brandId = await silo.NewBrandAsync();
        var waba = AdminData.NewMetaId();
        var (idA, idB, idC) = (AdminData.NewMetaId(), AdminData.NewMetaId(), AdminData.NewMetaId());
        var (numberA, numberB, numberC) = (AdminData.NewNumber(), AdminData.NewNumber(), AdminData.NewNumber());
        await silo.Root.PutMetaAccountAsync(brandId, idA, new(waba, "Acme Support", numberA, "Acme", AdminData.NewAccessToken()));
        await silo.Root.PutMetaAccountAsync(brandId, idB, new(waba, "Acme Support", numberB, "Acme Sales", AdminData.NewAccessToken()));
        var other = AdminData.NewMetaId();
        await silo.Root.PutMetaAccountAsync(brandId, idC, new(other, "Acme EU", numberC, "Acme EU", AdminData.NewAccessToken()));

        var wabas = await silo.Root.ListWabasAsync(brandId);

        Assert.Equal(2, wabas.Count);
        var support = Assert.Single(wabas, w => w.WabaId == waba);
        Assert.Equal("Acme Support", support.WabaName);
        Assert.Equal(new[] { idA, idB }.Order(StringComparer.Ordinal), support.Numbers.Select(n => n.PhoneNumberId).Order(StringComparer.Ordinal));
        Assert.Equal(["meta", "meta", "meta"], (await silo.Root.ListNumbersAsync(brandId)).Select(n => n.Provider));

        await silo.Root.DeleteMetaAccountAsync(brandId, idA);
        var missing = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.DeleteMetaAccountAsync(brandId, idA));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal([idB], Assert.Single(await silo.Root.ListWabasAsync(brandId), w => w.WabaId == waba).Numbers.Select(n => n.PhoneNumberId));
        Assert.Equal(new[] { numberB, numberC }.Order(StringComparer.Ordinal), (await silo.Root.ListNumbersAsync(brandId)).Select(n => n.PhoneNumber).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, MetaAccountRequest, string> BadMeta() => new()
    {
        { "abc", new("102290129340398", "Acme", "15550001111", "Acme", "EAAGtoken"), "phoneNumberId" },
        { "106540352242922", new("waba-1", "Acme", "15550001111", "Acme", "EAAGtoken"), "wabaId" },
        { "106540352242922", new("102290129340398", " ", "15550001111", "Acme", "EAAGtoken"), "wabaName" },
        { "106540352242922", new("102290129340398", "Acme", "+15550001111", "Acme", "EAAGtoken"), "phoneNumber" },
        { "106540352242922", new("102290129340398", "Acme", "15550001111", null, "EAAGtoken"), "displayName" },
        { "106540352242922", new("102290129340398", "Acme", "15550001111", "Acme", ""), "accessToken" },
    };

    [Theory]
    [MemberData(nameof(BadMeta))]
    public async Task MetaAccountFieldsAreCheckedNamingTheField(string phoneNumberId, MetaAccountRequest request, string field)
    {
        var brandId = await silo.NewBrandAsync();

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PutMetaAccountAsync(brandId, phoneNumberId, request));

        Assert.Equal((HttpStatusCode.BadRequest, field), (failure.StatusCode, failure.Field));
        Assert.Empty(await silo.Root.ListWabasAsync(brandId));
    }

    [Theory]
    [InlineData("12345678", true)]
    [InlineData("123456789012345", true)]
    [InlineData("1234567", false)]
    [InlineData("1234567890123456", false)]
    [InlineData("+15550001111", false)]
    [InlineData("0155500011", false)]
    public async Task SandboxNumbersFollowTheDigitsOnlyRule(string number, bool accepted)
    {
        var brandId = await silo.NewBrandAsync();

        if (accepted)
        {
            Assert.Equal(new SandboxNumberView(number), await silo.Root.PutSandboxNumberAsync(brandId, number));
            var listed = Assert.Single(await silo.Root.ListNumbersAsync(brandId));
            Assert.Equal((number, "sandbox", "approved"), (listed.PhoneNumber, listed.Provider, listed.RegistrationStatus));
            await silo.Root.DeleteSandboxNumberAsync(brandId, number);
            Assert.Empty(await silo.Root.ListNumbersAsync(brandId));
        }
        else
        {
            var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PutSandboxNumberAsync(brandId, number));
            Assert.Equal((HttpStatusCode.BadRequest, "phoneNumber"), (failure.StatusCode, failure.Field));
        }
    }

    [Fact]
    public async Task NumberSettingsAreUpdatedAndCheckedAgainstTheBrandsDepartments()
    {
        var brandId = AdminData.NewBrandId();
        await silo.Root.PutBrandAsync(brandId, new("Acme", new(Departments: ["Sales", "Support"])));
        var number = AdminData.NewNumber();
        await silo.Root.PutSandboxNumberAsync(brandId, number);

        var updated = await silo.Root.UpdateNumberAsync(brandId, number, new("Sales", new(10, 5), "name_approval_pending"));
        var unknownDepartment = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.UpdateNumberAsync(brandId, number, new("Billing", null, null)));
        var badStatus = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.UpdateNumberAsync(brandId, number, new(null, null, "Approved")));
        var noThroughput = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.UpdateNumberAsync(brandId, number, new(null, new(0, 5), null)));
        var tooMuchMedia = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.UpdateNumberAsync(brandId, number, new(null, new(10, 1001), null)));
        var notOurs = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.UpdateNumberAsync(brandId, AdminData.NewNumber(), new("Sales", null, null)));
        var cleared = await silo.Root.UpdateNumberAsync(brandId, number, new("", null, "approved"));

        Assert.Equal(("Sales", 10d, 5d, "name_approval_pending"), (updated.Department, updated.Throughput.TextPerSecond, updated.Throughput.MediaPerSecond, updated.RegistrationStatus));
        Assert.Equal((HttpStatusCode.BadRequest, "department"), (unknownDepartment.StatusCode, unknownDepartment.Field));
        Assert.Equal((HttpStatusCode.BadRequest, "registrationStatus"), (badStatus.StatusCode, badStatus.Field));
        Assert.Equal((HttpStatusCode.BadRequest, "throughput.textPerSecond"), (noThroughput.StatusCode, noThroughput.Field));
        Assert.Equal((HttpStatusCode.BadRequest, "throughput.mediaPerSecond"), (tooMuchMedia.StatusCode, tooMuchMedia.Field));
        Assert.Equal(HttpStatusCode.NotFound, notOurs.StatusCode);
        Assert.Null(cleared.Department);
        Assert.Equal(cleared, Assert.Single(await silo.Root.ListNumbersAsync(brandId)));
    }

    [Theory]
    [InlineData("sandbox", "twilio")]
    [InlineData("sandbox", "meta")]
    [InlineData("twilio", "meta")]
    [InlineData("meta", "twilio")]
    [InlineData("twilio", "sandbox")]
    public async Task RemovingOneUseOfANumberDoesNotFreeItWhileAnotherAccountOfTheBrandStillUsesIt(string first, string second)
    {
        var brandId = await silo.NewBrandAsync();
        var number = AdminData.NewNumber();
        var metaId = await ConnectAsync(brandId, first, number);
        // The brand connects the number it already holds through a second provider: either refused (409), or both uses must hold the number.
        try
        {
            await ConnectAsync(brandId, second, number);
        }
        catch (ConversationsApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return;
        }

        await DisconnectAsync(brandId, first, number, metaId);

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(async () => await silo.Root.PutSandboxNumberAsync(await silo.NewBrandAsync(), number));
        Assert.Equal("number_already_configured", failure.Code);
        Assert.Equal(number, Assert.Single(await silo.Root.ListNumbersAsync(brandId)).PhoneNumber);
    }

    private Task DisconnectAsync(string brandId, string provider, string number, string? metaId) => provider switch
    {
        "twilio" => silo.Root.DeleteTwilioAccountAsync(brandId),
        "meta" => silo.Root.DeleteMetaAccountAsync(brandId, metaId!),
        "sandbox" => silo.Root.DeleteSandboxNumberAsync(brandId, number),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    private async Task<string?> ConnectAsync(string brandId, string provider, string number)
    {
        var metaId = AdminData.NewMetaId();
        await ConnectAsync(brandId, provider, number, metaId);
        return provider == "meta" ? metaId : null;
    }

    private Task ConnectAsync(string brandId, string provider, string number, string metaId) => provider switch
    {
        "twilio" => silo.Root.PutTwilioAccountAsync(brandId, new(number, AdminData.NewAccountSid(), AdminData.NewAuthToken())),
        "meta" => silo.Root.PutMetaAccountAsync(brandId, metaId, new(AdminData.NewMetaId(), "Acme", number, "Acme", AdminData.NewAccessToken())),
        "sandbox" => silo.Root.PutSandboxNumberAsync(brandId, number),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };
}
