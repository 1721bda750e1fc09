using System.Net;
using System.Text;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Silo.Access;
using Conversations.Silo.Tests.Admin;
using Conversations.Silo.Tests.Support;

namespace Conversations.Silo.Tests.Contacts;

/// <summary>
/// Contacts after an import, over HTTP with the typed client: one contact read and deleted by its phone,
/// pages by phone with a cursor (of all contacts or of a list), contact lists created, listed, read and
/// deleted, the opt-out a customer's STOP records (time and source) and START undoes, who may call, what
/// a bad parameter answers, and that brands never see each other's contacts. Both storages.
/// </summary>
public abstract class ContactApiTests(AdminSilo silo)
{
    [Fact]
    public async Task AContactIsReadAndDeletedByItsPhoneInAnyFormWithItsListMemberships()
    {
        var brandId = await silo.NewBrandAsync();
        await silo.Root.CreateContactListAsync(brandId, new ContactListRequest("vip", "VIP"));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await ImportAsync(brandId, "phone,firstName,lastName,language,tier\n447700900123,Ana,Silva,pt-BR,gold\n447700900124,Ben,,,\n", "vip");

        var ana = await silo.Root.GetContactAsync(brandId, "+44 (7700) 900-123");

        Assert.Equal(("447700900123", "Ana", "Silva", "pt-BR"), (ana.Phone, ana.FirstName, ana.LastName, ana.Language));
        Assert.Equal(new Dictionary<string, string> { ["tier"] = "gold" }, ana.Data);
        Assert.Equal((false, null, null), (ana.OptedOut, ana.OptedOutAt, ana.OptOutSource));
        Assert.InRange(ana.CreatedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(ana.CreatedAt, ana.UpdatedAt);

        await silo.Root.DeleteContactAsync(brandId, "+44 7700 900123");

        var gone = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.GetContactAsync(brandId, "447700900123"));
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (gone.StatusCode, gone.Code));
        var again = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.DeleteContactAsync(brandId, "447700900123"));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(1, (await silo.Root.GetContactListAsync(brandId, "vip")).MemberCount);
        Assert.Equal(["447700900124"], (await silo.Root.ListContactsAsync(brandId, list: "vip")).Items.Select(c => c.Phone));
    }

    [Fact]
    public async Task ContactsComeInPagesByPhoneWithACursorOfAllContactsOrOfOneList()
    {
        var brandId = await silo.NewBrandAsync();
        await silo.Root.CreateContactListAsync(brandId, new ContactListRequest("even", "Even"));
        var phones = Enumerable.Range(0, 25).Select(i => $"4477009{i:D5}").ToList();
        // Imported out of order; the pages come by ascending phone.
        await ImportAsync(brandId, "phone\n" + string.Join('\n', phones.AsEnumerable().Reverse()) + "\n");
        await ImportAsync(brandId, "phone\n" + string.Join('\n', phones.Where((_, i) => i % 2 == 0)) + "\n", "even");

        Assert.Equal(phones, await AllPagesAsync(null, 10));
        Assert.Equal(phones.Where((_, i) => i % 2 == 0), await AllPagesAsync("even", 4));
        var whole = await silo.Root.ListContactsAsync(brandId, limit: 25);
        Assert.Equal(25, whole.Items.Count);
        Assert.Null(whole.NextCursor);
        Assert.Equal(phones, (await silo.Root.ListContactsAsync(brandId)).Items.Select(c => c.Phone)); // the default page holds 100

        async Task<List<string>> AllPagesAsync(string? list, int limit)
        {
            var seen = new List<string>();
            string? cursor = null;
            var pages = 0;
            do
            {
                var page = await silo.Root.ListContactsAsync(brandId, list, cursor, limit);
                Assert.InRange(page.Items.Count, 1, limit);
                seen.AddRange(page.Items.Select(c => c.Phone));
                cursor = page.NextCursor;
                pages++;
            }
            while (cursor is not null);

            Assert.Equal((seen.Count + limit - 1) / limit, pages);
            return seen;
        }
    }

    [Fact]
    public async Task ContactListsAreCreatedListedReadAndDeletedAndDeletingOneKeepsItsContacts()
    {
        var brandId = await silo.NewBrandAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var spring = await silo.Root.CreateContactListAsync(brandId, new ContactListRequest("spring-2026", "Spring campaign"));
        await silo.Root.CreateContactListAsync(brandId, new ContactListRequest("Autumn_2026.v2", "Autumn"));
        await ImportAsync(brandId, "phone\n447700900001\n447700900002\n", "spring-2026");

        Assert.Equal(("spring-2026", "Spring campaign", 0L), (spring.Id, spring.Name, spring.MemberCount));
        Assert.InRange(spring.CreatedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        var lists = await silo.Root.ListContactListsAsync(brandId);
        Assert.Equal([("Autumn_2026.v2", 0L), ("spring-2026", 2L)], lists.Select(l => (l.Id, l.MemberCount)));
        var read = await silo.Root.GetContactListAsync(brandId, "spring-2026");
        Assert.Equal(("Spring campaign", 2L, spring.CreatedAt), (read.Name, read.MemberCount, read.CreatedAt));

        var twice = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            silo.Root.CreateContactListAsync(brandId, new ContactListRequest("spring-2026", "Again")));
        Assert.Equal((HttpStatusCode.Conflict, "list_exists", "id"), (twice.StatusCode, twice.Code, twice.Field));

        await silo.Root.DeleteContactListAsync(brandId, "spring-2026");

        Assert.Equal(["Autumn_2026.v2"], (await silo.Root.ListContactListsAsync(brandId)).Select(l => l.Id));
        var gone = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.GetContactListAsync(brandId, "spring-2026"));
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (gone.StatusCode, gone.Code));
        var listed = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.ListContactsAsync(brandId, list: "spring-2026"));
        Assert.Equal(HttpStatusCode.NotFound, listed.StatusCode);
        Assert.Equal(2, (await silo.Root.ListContactsAsync(brandId)).Items.Count);

        // A list created again under the same id starts empty.
        await silo.Root.CreateContactListAsync(brandId, new ContactListRequest("spring-2026", "Spring, again"));
        Assert.Equal(0, (await silo.Root.GetContactListAsync(brandId, "spring-2026")).MemberCount);
    }

    [Fact]
    public async Task StopFromTheCustomerOptsTheContactOutWithTimeAndSourceAndStartOptsBackIn()
    {
        var brandId = await silo.NewBrandAsync();
        var number = AdminData.NewNumber();
        await silo.Root.PutSandboxNumberAsync(brandId, number);
        var (ana, ben) = (AdminData.NewCustomer(), AdminData.NewCustomer());
        await ImportAsync(brandId, $"phone,firstName\n{ana},Ana\n");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await silo.Root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, ana, "stop"));
        await silo.Root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, ben, "UNSUBSCRIBE"));

        var anaOut = await Poll.UntilAsync(async () => await silo.Root.GetContactAsync(brandId, ana) is { OptedOut: true } c ? c : null);
        Assert.Equal(("keyword:STOP", "Ana"), (anaOut.OptOutSource, anaOut.FirstName));
        Assert.InRange(anaOut.OptedOutAt!.Value, before, DateTimeOffset.UtcNow.AddSeconds(1));
        // Ben was never imported: the opt-out creates him, so a later import cannot bring him back in.
        var benOut = await Poll.UntilAsync(async () => await TryGetAsync(brandId, ben) is { OptedOut: true } c ? c : null);
        Assert.Equal("keyword:UNSUBSCRIBE", benOut.OptOutSource);
        var reimport = await ImportAsync(brandId, $"phone,firstName\n{ana},Anna\n{ben},Ben\n");
        Assert.Equal((0, 2), (reimport.Created, reimport.Updated));
        var anaAfter = await silo.Root.GetContactAsync(brandId, ana);
        Assert.Equal((true, "Anna", anaOut.OptedOutAt, "keyword:STOP"), (anaAfter.OptedOut, anaAfter.FirstName, anaAfter.OptedOutAt, anaAfter.OptOutSource));
        Assert.True((await silo.Root.GetContactAsync(brandId, ben)).OptedOut);

        await silo.Root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, ana, "START"));

        var anaIn = await Poll.UntilAsync(async () => await silo.Root.GetContactAsync(brandId, ana) is { OptedOut: false } c ? c : null);
        Assert.Equal((null, null, "Anna"), (anaIn.OptedOutAt, anaIn.OptOutSource, anaIn.FirstName));
    }

    [Fact]
    public async Task DeletingAnOptedOutContactErasesItsDetailsButKeepsItsOptOut()
    {
        var brandId = await silo.NewBrandAsync();
        var number = AdminData.NewNumber();
        await silo.Root.PutSandboxNumberAsync(brandId, number);
        await silo.Root.CreateContactListAsync(brandId, new ContactListRequest("customers", "Customers"));
        var ana = AdminData.NewCustomer();
        await ImportAsync(brandId, $"phone,firstName,lastName,language,order\n{ana},Ana,Silva,pt,A-1\n", "customers");
        await silo.Root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, ana, "STOP"));
        var optedOut = await Poll.UntilAsync(async () => await silo.Root.GetContactAsync(brandId, ana) is { OptedOut: true } c ? c : null);

        await silo.Root.DeleteContactAsync(brandId, ana);

        // Her details and memberships are gone; that she said STOP is not, so no import or distribution reaches her again.
        var kept = await silo.Root.GetContactAsync(brandId, ana);
        Assert.Equal((null, null, null), (kept.FirstName, kept.LastName, kept.Language));
        Assert.Empty(kept.Data);
        Assert.Equal((true, optedOut.OptedOutAt, "keyword:STOP"), (kept.OptedOut, kept.OptedOutAt, kept.OptOutSource));
        Assert.Equal(0, (await silo.Root.GetContactListAsync(brandId, "customers")).MemberCount);
        var reimport = await ImportAsync(brandId, $"phone,firstName\n{ana},Ana\n");
        Assert.Equal((0, 1), (reimport.Created, reimport.Updated));
        Assert.True((await silo.Root.GetContactAsync(brandId, ana)).OptedOut);

        // A contact who never opted out is deleted whole.
        var ben = AdminData.NewCustomer();
        await ImportAsync(brandId, $"phone\n{ben}\n");
        await silo.Root.DeleteContactAsync(brandId, ben);
        Assert.Null(await TryGetAsync(brandId, ben));
    }

    [Fact]
    public async Task OnlyAdminAndDistributeKeysReachContactsAndAnOperatorKeyGets403()
    {
        var brandId = await silo.NewBrandAsync();
        var distribute = await silo.NewKeyAsync(brandId, Roles.Distribute);
        var admin = await silo.NewKeyAsync(brandId, Roles.Admin);
        var operatorKey = await silo.NewKeyAsync(brandId, Roles.Operator);

        Assert.Equal(1, (await distribute.ImportContactsAsync(brandId, Csv("phone\n447700900001\n"))).Created);
        Assert.Equal(1, (await admin.ImportContactsAsync(brandId, Csv("phone\n447700900002\n"))).Created);
        await distribute.CreateContactListAsync(brandId, new ContactListRequest("mine", "Mine"));
        Assert.Equal(2, (await distribute.ListContactsAsync(brandId)).Items.Count);

        foreach (var call in new Func<Task>[]
        {
            () => operatorKey.ImportContactsAsync(brandId, Csv("phone\n447700900003\n")),
            () => operatorKey.ListContactsAsync(brandId),
            () => operatorKey.GetContactAsync(brandId, "447700900001"),
            () => operatorKey.DeleteContactAsync(brandId, "447700900001"),
            () => operatorKey.CreateContactListAsync(brandId, new ContactListRequest("theirs", "Theirs")),
            () => operatorKey.ListContactListsAsync(brandId),
            () => operatorKey.GetContactListAsync(brandId, "mine"),
            () => operatorKey.DeleteContactListAsync(brandId, "mine"),
        })
        {
            var refused = await Assert.ThrowsAsync<ConversationsApiException>(call);
            Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), (refused.StatusCode, refused.Code));
        }

        Assert.Equal(["447700900001", "447700900002"], (await silo.Root.ListContactsAsync(brandId)).Items.Select(c => c.Phone));
        Assert.Equal(["mine"], (await silo.Root.ListContactListsAsync(brandId)).Select(l => l.Id));
    }

    [Fact]
    public async Task BadParametersAnswer400NamingTheField()
    {
        var brandId = await silo.NewBrandAsync();
        await ImportAsync(brandId, "phone\n447700900001\n");

        await Refused("limit", () => silo.Root.ListContactsAsync(brandId, limit: 0));
        await Refused("limit", () => silo.Root.ListContactsAsync(brandId, limit: 1001));
        await Refused("cursor", () => silo.Root.ListContactsAsync(brandId, cursor: "not-a-cursor"));
        await Refused("phone", () => silo.Root.GetContactAsync(brandId, "call-me"));
        await Refused("phone", () => silo.Root.DeleteContactAsync(brandId, "1234"));
        await Refused("id", () => silo.Root.CreateContactListAsync(brandId, new ContactListRequest(null, "No id")));
        await Refused("id", () => silo.Root.CreateContactListAsync(brandId, new ContactListRequest("-starts-with-a-dash", "Bad id")));
        await Refused("id", () => silo.Root.CreateContactListAsync(brandId, new ContactListRequest(new string('a', 65), "Too long")));
        await Refused("name", () => silo.Root.CreateContactListAsync(brandId, new ContactListRequest("ok", "  ")));
        await Refused("name", () => silo.Root.CreateContactListAsync(brandId, new ContactListRequest("ok", new string('n', 201))));

        Assert.Empty(await silo.Root.ListContactListsAsync(brandId));
        Assert.Single((await silo.Root.ListContactsAsync(brandId)).Items);
        var unknownList = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.ListContactsAsync(brandId, list: "nope"));
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (unknownList.StatusCode, unknownList.Code));

        static async Task Refused(string field, Func<Task> call)
        {
            var refused = await Assert.ThrowsAsync<ConversationsApiException>(call);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(field, refused.Field);
            Assert.Equal($"urn:conversations:problem:{refused.Code}", refused.Problem?.Type);
            Assert.Contains(field, refused.Problem?.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BrandsNeverSeeEachOthersContactsAndDeletingABrandDeletesItsContacts()
    {
        var brandA = await silo.NewBrandAsync();
        var brandB = await silo.NewBrandAsync();
        await silo.Root.CreateContactListAsync(brandA, new ContactListRequest("shared-name", "A's"));
        await ImportAsync(brandA, "phone,firstName\n447700900001,Ana of A\n", "shared-name");
        await ImportAsync(brandB, "phone,firstName\n447700900001,Ana of B\n");

        Assert.Equal("Ana of A", (await silo.Root.GetContactAsync(brandA, "447700900001")).FirstName);
        Assert.Equal("Ana of B", (await silo.Root.GetContactAsync(brandB, "447700900001")).FirstName);
        Assert.Empty(await silo.Root.ListContactListsAsync(brandB));
        await silo.Root.DeleteContactAsync(brandB, "447700900001");
        Assert.Equal("Ana of A", (await silo.Root.GetContactAsync(brandA, "447700900001")).FirstName);

        await silo.Root.DeleteBrandAsync(brandA);
        await silo.Root.PutBrandAsync(brandA, new BrandRequest("A, again", null));

        Assert.Empty((await silo.Root.ListContactsAsync(brandA)).Items);
        Assert.Empty(await silo.Root.ListContactListsAsync(brandA));
    }

    private async Task<ContactView?> TryGetAsync(string brandId, string phone)
    {
        try
        {
            return await silo.Root.GetContactAsync(brandId, phone);
        }
        catch (ConversationsApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private Task<ContactImportResult> ImportAsync(string brandId, string csv, string? list = null) =>
        silo.Root.ImportContactsAsync(brandId, Csv(csv), list);

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));
}

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteContactApiTests(SqliteAdminSilo silo) : ContactApiTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresContactApiTests(PostgresAdminSilo silo) : ContactApiTests(silo);
