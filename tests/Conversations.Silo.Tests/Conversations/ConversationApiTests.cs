using System.Net;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Silo.Tests.Admin;
using Conversations.Silo.Tests.Support;

namespace Conversations.Silo.Tests.Conversations;

/// <summary>
/// The operator API end to end on the sandbox channel, through the typed client: listing, reading,
/// replying with the window and price checks, previews, business-initiated conversations,
/// assignment, departments, tags, and closing.
/// </summary>
public abstract class ConversationApiTests(AdminSilo silo)
{
    [Fact]
    public async Task ACustomerWritesTheOperatorSeesItRepliesAndTheReplyIsDeliveredAndInTheTranscript()
    {
        var (brandId, number, operatorKey) = await NewSandboxBrandAsync();
        var customer = AdminData.NewCustomer();
        var id = $"{number}-{customer}";
        await operatorKey.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, customer, "Where is my order?", "Ana"));

        var waiting = await operatorKey.ListConversationsAsync(brandId, status: "waiting");
        var item = Assert.Single(waiting.Items, i => i.Id == id);
        Assert.Equal(("Ana", "waiting"), (item.ProfileName, item.Status));
        var conversation = await operatorKey.GetConversationAsync(brandId, id);
        Assert.True(conversation.Window.Open);
        Assert.Equal(("waiting", "Ana"), (conversation.Chat!.Status, conversation.Customer.ProfileName));
        Assert.Equal("Where is my order?", Assert.Single(conversation.Messages.Items).Text);

        var preview = await operatorKey.PreviewMessageAsync(brandId, id, new SendMessageRequest(Text: "It ships today."));
        var sent = await operatorKey.SendMessageAsync(brandId, id, new SendMessageRequest(Text: "It ships today."));

        Assert.True(preview.Allowed);
        Assert.Equal(("queued", preview.Price), (sent.Status, sent.Price));
        var read = await Poll.UntilAsync(async () =>
        {
            var page = await operatorKey.ListMessagesAsync(brandId, id);
            return page.Items.FirstOrDefault(m => m.MessageId == sent.MessageId && m.Delivery?.Status == "read");
        });
        Assert.Equal(("outbound", "text", "It ships today."), (read!.Direction, read.Kind, read.Text));
        Assert.True(read.Delivery!.Times.ContainsKey("queued") && read.Delivery.Times.ContainsKey("read"));
        Assert.Equal("active", (await operatorKey.GetConversationAsync(brandId, id)).Chat!.Status);
        Assert.Contains(await operatorKey.SandboxOutboundAsync(brandId, customer), m => m.Text == "It ships today.");
    }

    [Fact]
    public async Task FreeFormOutsideTheWindowIs409WindowClosedSayingATemplateIsNeeded()
    {
        var (brandId, number, operatorKey) = await NewSandboxBrandAsync();
        var id = $"{number}-{AdminData.NewCustomer()}";

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => operatorKey.SendMessageAsync(brandId, id, new SendMessageRequest(Text: "Hello?")));

        Assert.Equal((HttpStatusCode.Conflict, "window_closed"), (failure.StatusCode, failure.Code));
        Assert.Contains("template", failure.Message, StringComparison.OrdinalIgnoreCase);
        var preview = await operatorKey.PreviewMessageAsync(brandId, id, new SendMessageRequest(Text: "Hello?"));
        Assert.Equal((false, "window_closed"), (preview.Allowed, preview.Reason));
    }

    [Fact]
    public async Task AClosedChatIs409ChatClosed()
    {
        var (brandId, number, operatorKey) = await NewSandboxBrandAsync();
        var customer = AdminData.NewCustomer();
        var id = $"{number}-{customer}";
        await operatorKey.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, customer, "hi"));

        var closed = await operatorKey.CloseConversationAsync(brandId, id);
        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => operatorKey.SendMessageAsync(brandId, id, new SendMessageRequest(Text: "one more thing")));

        Assert.Equal(("closed", "operator"), (closed.Chat!.Status, closed.Chat.CloseReason));
        Assert.Equal((HttpStatusCode.Conflict, "chat_closed"), (failure.StatusCode, failure.Code));
    }

    [Fact]
    public async Task TemplateRefusalsAreTheDomainsAndNothingIsReserved()
    {
        var (brandId, number, operatorKey) = await NewSandboxBrandAsync();
        await silo.Root.PutTemplateAsync(brandId, "promo", "en", new TemplateRequest("marketing", "Sale: {{1}}", "approved", null));
        await silo.Root.PutTemplateAsync(brandId, "draft", "en", new TemplateRequest("utility", "Draft {{1}}", "pending", null));
        var uk = $"{number}-{AdminData.NewCustomer()}";
        var us = $"{number}-1202{Random.Shared.Next(1_000_000, 9_999_999)}";

        var poor = await Assert.ThrowsAsync<ConversationsApiException>(() => Send(uk, "promo", "20% off"));
        var paused = await Assert.ThrowsAsync<ConversationsApiException>(() => Send(us, "promo", "20% off"));
        var pending = await Assert.ThrowsAsync<ConversationsApiException>(() => Send(uk, "draft", "x"));
        var unknown = await Assert.ThrowsAsync<ConversationsApiException>(() => Send(uk, "nope", "x"));
        var count = await Assert.ThrowsAsync<ConversationsApiException>(() => operatorKey.SendMessageAsync(
            brandId, uk, new SendMessageRequest(Template: new TemplateMessageDto("promo", "en", []))));

        Assert.Equal((HttpStatusCode.PaymentRequired, "insufficient_credit"), (poor.StatusCode, poor.Code));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "marketing_paused_us"), (paused.StatusCode, paused.Code));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "template_not_approved"), (pending.StatusCode, pending.Code));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "template_not_found", "template.name"), (unknown.StatusCode, unknown.Code, unknown.Field));
        Assert.Equal((HttpStatusCode.BadRequest, "template.parameters"), (count.StatusCode, count.Field));
        var credits = await silo.Root.GetCreditsAsync(brandId);
        Assert.Equal(0, credits.Reserved.AmountMicros);

        Task<SendMessageResponse> Send(string id, string template, string parameter) =>
            operatorKey.SendMessageAsync(brandId, id, new SendMessageRequest(Template: new TemplateMessageDto(template, "en", [parameter])));
    }

    [Fact]
    public async Task PreviewPricesAMarketingTemplateWithoutReservingAndTheSendReservesExactlyThat()
    {
        var (brandId, number, operatorKey) = await NewSandboxBrandAsync();
        await silo.Root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));
        await silo.Root.PutTemplateAsync(brandId, "promo", "en", new TemplateRequest("marketing", "Sale: {{1}}", "approved", null));
        var id = $"{number}-{AdminData.NewCustomer()}";
        var request = new SendMessageRequest(Template: new TemplateMessageDto("promo", "en", ["20% off"]));

        var preview = await operatorKey.PreviewMessageAsync(brandId, id, request);
        var before = await silo.Root.GetCreditsAsync(brandId);
        var sent = await operatorKey.SendMessageAsync(brandId, id, request);

        Assert.True(preview.Allowed);
        Assert.True(preview.Price.AmountMicros > 0);
        Assert.Equal(0, before.Reserved.AmountMicros);
        Assert.Equal(preview.Price, sent.Price);
        var settled = await Poll.UntilAsync(async () =>
            (await silo.Root.GetCreditsAsync(brandId)).Ledger.FirstOrDefault(l => l.Kind == "settlement"));
        Assert.Equal(preview.Price.AmountMicros, settled!.Amount.AmountMicros);
    }

    [Fact]
    public async Task ABusinessInitiatedConversationOpensWithATemplate()
    {
        var (brandId, number, operatorKey) = await NewSandboxBrandAsync();
        await silo.Root.PutTemplateAsync(brandId, "order_update", "en", new TemplateRequest("utility", "Order {{1}} shipped", "approved", null));
        await silo.Root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));
        var customer = AdminData.NewCustomer();

        var started = await operatorKey.StartConversationAsync(
            brandId, new StartConversationRequest(number, customer, new TemplateMessageDto("order_update", "en", ["A-17"])));

        Assert.Equal($"{number}-{customer}", started.ConversationId);
        var conversation = await operatorKey.GetConversationAsync(brandId, started.ConversationId);
        Assert.True(conversation.Chat!.BusinessInitiated);
        var entry = Assert.Single(conversation.Messages.Items);
        Assert.Equal(("template", "order_update"), (entry.Kind, entry.TemplateName));
        await Poll.UntilAsync(async () => (await operatorKey.SandboxOutboundAsync(brandId, customer)).FirstOrDefault(m => m.TemplateName == "order_update"));
    }

    [Fact]
    public async Task AssignmentDepartmentAndTagsShowInTheConversationAndFilterTheList()
    {
        var (brandId, number, operatorKey) = await NewSandboxBrandAsync(departments: ["Sales", "Support"]);
        var first = AdminData.NewCustomer();
        var second = AdminData.NewCustomer();
        await operatorKey.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, first, "one"));
        await operatorKey.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, second, "two"));

        await operatorKey.AssignConversationAsync(brandId, $"{number}-{first}", "op-7");
        await operatorKey.SetConversationDepartmentAsync(brandId, $"{number}-{first}", "Support");
        var tagged = await operatorKey.SetConversationTagsAsync(brandId, $"{number}-{first}", ["vip", "late-order", "vip"]);
        var unknownDepartment = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            operatorKey.SetConversationDepartmentAsync(brandId, $"{number}-{first}", "Billing"));
        var badTag = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            operatorKey.SetConversationTagsAsync(brandId, $"{number}-{first}", ["ok", new string('x', 51)]));

        Assert.Equal(["vip", "late-order"], tagged.Tags);
        Assert.Equal(("op-7", "Support"), (tagged.Chat!.Assignee, tagged.Chat.Department));
        Assert.Equal((HttpStatusCode.BadRequest, "department"), (unknownDepartment.StatusCode, unknownDepartment.Field));
        Assert.Equal((HttpStatusCode.BadRequest, "tags[1]"), (badTag.StatusCode, badTag.Field));
        var mine = await operatorKey.ListConversationsAsync(brandId, assignee: "op-7");
        Assert.Equal([$"{number}-{first}"], mine.Items.Select(i => i.Id));
        var support = await operatorKey.ListConversationsAsync(brandId, department: "Support");
        Assert.Equal(["vip", "late-order"], Assert.Single(support.Items).Tags);
    }

    [Fact]
    public async Task TheListPagesMostRecentFirstWithACursor()
    {
        var (brandId, number, operatorKey) = await NewSandboxBrandAsync();
        var customers = new[] { AdminData.NewCustomer(), AdminData.NewCustomer(), AdminData.NewCustomer() };
        foreach (var customer in customers)
        {
            await operatorKey.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, customer, "hello"));
            await Task.Delay(5);
        }

        var first = await operatorKey.ListConversationsAsync(brandId, limit: 2);
        var second = await operatorKey.ListConversationsAsync(brandId, cursor: first.NextCursor, limit: 2);

        Assert.Equal(customers.Reverse().Select(c => $"{number}-{c}"), first.Items.Concat(second.Items).Select(i => i.Id));
        Assert.NotNull(first.NextCursor);
        Assert.Null(second.NextCursor);
        var bad = await Assert.ThrowsAsync<ConversationsApiException>(() => operatorKey.ListConversationsAsync(brandId, status: "lost"));
        Assert.Equal((HttpStatusCode.BadRequest, "status"), (bad.StatusCode, bad.Field));
    }

    [Fact]
    public async Task AnUploadedPhotoIsSentByItsMediaIdAsTheTypeItsContentShowed()
    {
        var (brandId, number, operatorKey) = await NewSandboxBrandAsync();
        var customer = AdminData.NewCustomer();
        var id = $"{number}-{customer}";
        await operatorKey.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, customer, "send me the receipt"));
        using var photo = new MemoryStream(Media.MediaSamples.Jpeg());
        var uploaded = await operatorKey.UploadMediaAsync(brandId, photo, "receipt.jpg", "image/jpeg");

        var sent = await operatorKey.SendMessageAsync(brandId, id, new SendMessageRequest(Media: new MediaMessageDto(uploaded.MediaId, null, null), Caption: "Here it is"));
        var foreign = await Assert.ThrowsAsync<ConversationsApiException>(() => operatorKey.SendMessageAsync(
            brandId, id, new SendMessageRequest(Media: new MediaMessageDto("med_00000000000000000000000000000000", null, null))));

        var entry = Assert.Single((await operatorKey.ListMessagesAsync(brandId, id)).Items, m => m.MessageId == sent.MessageId);
        Assert.Equal(("image", "Here it is", uploaded.MediaId, "image/jpeg"), (entry.Kind, entry.Text, entry.Attachments[0].MediaId, entry.Attachments[0].ContentType));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        await Poll.UntilAsync(async () => (await operatorKey.SandboxOutboundAsync(brandId, customer)).FirstOrDefault(m => m.Text == "Here it is" && m.HasMedia));
    }

    [Fact]
    public async Task ACannedResponseIsSentWithTheCustomersBrandsAndOperatorsFieldsFilled()
    {
        var (brandId, number, operatorKey) = await NewSandboxBrandAsync();
        var customer = AdminData.NewCustomer();
        var id = $"{number}-{customer}";
        await operatorKey.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, customer, "hello", "Ana"));
        var canned = await silo.Root.CreateCannedResponseAsync(
            brandId, new CannedResponseRequest("greeting", "Hi {{customer.name}}, this is {{operator.name|the team}} at {{brand.name}}."));

        var sent = await operatorKey.SendMessageAsync(brandId, id, new SendMessageRequest(CannedResponseId: canned.Id));
        var named = await operatorKey.SendMessageAsync(brandId, id, new SendMessageRequest(CannedResponseId: canned.Id, OperatorName: "Sam"));
        var unknown = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            operatorKey.SendMessageAsync(brandId, id, new SendMessageRequest(CannedResponseId: "no-such-response")));

        var texts = (await operatorKey.ListMessagesAsync(brandId, id)).Items.Where(m => m.Direction == "outbound").ToDictionary(m => m.MessageId!, m => m.Text);
        var brandName = (await silo.Root.GetBrandAsync(brandId)).Name;
        Assert.Equal($"Hi Ana, this is the team at {brandName}.", texts[sent.MessageId]);
        Assert.Equal($"Hi Ana, this is Sam at {brandName}.", texts[named.MessageId]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task AnAdminErasesAConversationOnRequestAndOnlyAnAuditWithoutTheCustomerRemains()
    {
        var (brandId, number, operatorKey) = await NewSandboxBrandAsync();
        var customer = AdminData.NewCustomer();
        var id = $"{number}-{customer}";
        await operatorKey.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, customer, "my card ends 4242", "Ana"));
        await operatorKey.SendMessageAsync(brandId, id, new SendMessageRequest(Text: "Thanks, Ana"));
        var admin = await silo.NewKeyAsync(brandId, "admin");

        var refused = await Assert.ThrowsAsync<ConversationsApiException>(() => operatorKey.EraseConversationAsync(brandId, id));
        var erased = await admin.EraseConversationAsync(brandId, id);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal((2L, 1), (erased.TranscriptEntries, erased.Deliveries));
        var gone = await Assert.ThrowsAsync<ConversationsApiException>(() => operatorKey.GetConversationAsync(brandId, id));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.DoesNotContain((await operatorKey.ListConversationsAsync(brandId)).Items, i => i.Id == id);
        if (silo.Provider == "postgres")
        {
            // Every live row of every table: the text is nowhere, the audit row is there. (On SQLite the
            // raw files are scanned instead, after the scrub: SqliteErasureFileTests.)
            var storage = await silo.DumpStorageAsync();
            Assert.DoesNotContain("my card ends 4242", storage, StringComparison.Ordinal);
            Assert.Contains(erased.ErasureId, storage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ARetriedSendWithTheSameIdempotencyKeyIsOneMessage()
    {
        var (brandId, number, operatorKey) = await NewSandboxBrandAsync();
        var customer = AdminData.NewCustomer();
        var id = $"{number}-{customer}";
        await operatorKey.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, customer, "hi"));
        var key = Guid.NewGuid().ToString("N");

        var first = await operatorKey.SendMessageAsync(brandId, id, new SendMessageRequest(Text: "once"), key);
        var retry = await operatorKey.SendMessageAsync(brandId, id, new SendMessageRequest(Text: "once"), key);

        Assert.Equal(first.MessageId, retry.MessageId);
        Assert.Single((await operatorKey.ListMessagesAsync(brandId, id)).Items, m => m.Direction == "outbound");
    }

    [Fact]
    public async Task BadRequestsNameTheFieldAndAnotherBrandsKeyGets404()
    {
        var (brandId, number, operatorKey) = await NewSandboxBrandAsync();
        var customer = AdminData.NewCustomer();
        var id = $"{number}-{customer}";
        await operatorKey.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, customer, "hi"));
        var outsider = await silo.NewKeyAsync(await silo.NewBrandAsync(), "admin");

        var both = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            operatorKey.SendMessageAsync(brandId, id, new SendMessageRequest(Text: "a", Template: new TemplateMessageDto("t", "en", []))));
        var exe = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            operatorKey.SendMessageAsync(brandId, id, new SendMessageRequest(Media: new MediaMessageDto(null, "https://example.com/x.exe", "application/x-msdownload"))));
        var badId = await Assert.ThrowsAsync<ConversationsApiException>(() => operatorKey.GetConversationAsync(brandId, "not-an-id:1"));
        var missing = await Assert.ThrowsAsync<ConversationsApiException>(() => operatorKey.GetConversationAsync(brandId, $"{number}-{AdminData.NewCustomer()}"));
        var foreign = await Assert.ThrowsAsync<ConversationsApiException>(() => outsider.GetConversationAsync(brandId, id));

        Assert.Equal((HttpStatusCode.BadRequest, "body"), (both.StatusCode, both.Field));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "attachment_rejected", "media.contentType"), (exe.StatusCode, exe.Code, exe.Field));
        Assert.Equal((HttpStatusCode.BadRequest, "id"), (badId.StatusCode, badId.Field));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    private async Task<(string BrandId, string Number, ConversationsClient Operator)> NewSandboxBrandAsync(IReadOnlyList<string>? departments = null)
    {
        var brandId = await silo.NewBrandAsync();
        if (departments is not null)
        {
            await silo.Root.PutBrandAsync(brandId, new BrandRequest("Brand " + brandId, new BrandSettingsDto(Departments: departments)));
        }

        var number = AdminData.NewNumber();
        await silo.Root.PutSandboxNumberAsync(brandId, number);
        return (brandId, number, await silo.NewKeyAsync(brandId, "operator"));
    }
}

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteConversationApiTests(SqliteAdminSilo silo) : ConversationApiTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresConversationApiTests(PostgresAdminSilo silo) : ConversationApiTests(silo);
