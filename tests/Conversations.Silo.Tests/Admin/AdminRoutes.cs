using System.Net;
using Conversations.Client;
using Conversations.Client.Contracts;

namespace Conversations.Silo.Tests.Admin;

/// <summary>
/// Every brand administration route, by endpoint name: who may call it (the README's role table) and
/// a call of it through the typed client that an allowed caller can make on a fresh brand.
/// </summary>
public static class AdminRoutes
{
    private static readonly string[] Everyone = ["root", "admin", "operator", "distribute"];
    private static readonly string[] Admins = ["root", "admin"];
    private static readonly string[] Operators = ["root", "admin", "operator"];
    private static readonly string[] Distributors = ["root", "admin", "distribute"];
    private const string NoConversation = "15550000000-447700900000";

    /// <summary>Route name → the roles allowed (root is the root admin key).</summary>
    public static IReadOnlyDictionary<string, string[]> Allowed { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["PutBrand"] = ["root"],
        ["GetBrand"] = Everyone,
        ["DeleteBrand"] = ["root"],
        ["CreateKey"] = Admins,
        ["ListKeys"] = Admins,
        ["RevokeKey"] = Admins,
        ["PutTwilioAccount"] = Admins,
        ["DeleteTwilioAccount"] = Admins,
        ["PutMetaAccount"] = Admins,
        ["DeleteMetaAccount"] = Admins,
        ["PutSandboxNumber"] = Admins,
        ["DeleteSandboxNumber"] = Admins,
        ["ListWabas"] = ["root", "admin", "operator"],
        ["ListNumbers"] = Everyone,
        ["UpdateNumber"] = Admins,
        ["PurchaseCredits"] = Admins,
        ["GetCredits"] = Everyone,
        ["PutTemplate"] = Admins,
        ["ListTemplates"] = Everyone,
        ["DeleteTemplate"] = Admins,
        ["ListConversations"] = Operators,
        ["GetConversation"] = Operators,
        ["ListConversationMessages"] = Operators,
        ["AssignConversation"] = Operators,
        ["CloseConversation"] = Operators,
        ["SetConversationDepartment"] = Operators,
        ["SetConversationTags"] = Operators,
        ["SendMessage"] = Operators,
        ["PreviewMessage"] = Operators,
        ["StartConversation"] = Operators,
        ["EraseConversation"] = Admins,
        ["UploadMedia"] = ["root", "admin", "operator"],
        ["DownloadMedia"] = ["root", "admin", "operator"],
        ["StreamEvents"] = ["root", "admin", "operator"],
        ["CreateEventToken"] = ["root", "admin", "operator"],
        ["ListCannedResponses"] = ["root", "admin", "operator"],
        ["CreateCannedResponse"] = Admins,
        ["GetCannedResponse"] = ["root", "admin", "operator"],
        ["UpdateCannedResponse"] = Admins,
        ["DeleteCannedResponse"] = Admins,
        ["RequestCrmExport"] = ["root", "admin", "operator"],
        ["RequestTicketExport"] = ["root", "admin", "operator"],
        ["ListExports"] = ["root", "admin", "operator"],
        ["CreateDistribution"] = Distributors,
        ["PreviewDistribution"] = Distributors,
        ["ListDistributions"] = Distributors,
        ["GetDistribution"] = Distributors,
        ["ListSurveyResponses"] = Distributors,
        ["CancelDistribution"] = Distributors,
        ["PutSurvey"] = Distributors,
        ["GetSurvey"] = Distributors,
        ["ListSurveys"] = Distributors,
        ["DeleteSurvey"] = Distributors,
        ["ImportContacts"] = Distributors,
        ["ListContacts"] = Distributors,
        ["GetContact"] = Distributors,
        ["DeleteContact"] = Distributors,
        ["CreateContactList"] = Distributors,
        ["ListContactLists"] = Distributors,
        ["GetContactList"] = Distributors,
        ["DeleteContactList"] = Distributors,
    };

    /// <summary>Route name → a call of the route for <c>brandId</c>.</summary>
    public static IReadOnlyDictionary<string, Func<ConversationsClient, string, Task>> Calls { get; } =
        new Dictionary<string, Func<ConversationsClient, string, Task>>(StringComparer.Ordinal)
        {
            ["PutBrand"] = (c, b) => c.PutBrandAsync(b, new("Renamed", new BrandSettingsDto(ResponseTimeSeconds: 600))),
            ["GetBrand"] = (c, b) => c.GetBrandAsync(b),
            ["DeleteBrand"] = (c, b) => c.DeleteBrandAsync(b),
            ["CreateKey"] = (c, b) => c.CreateKeyAsync(b, new("probe", ["operator"])),
            ["ListKeys"] = (c, b) => c.ListKeysAsync(b),
            ["RevokeKey"] = (c, b) => c.RevokeKeyAsync(b, "no-such-key"),
            ["PutTwilioAccount"] = (c, b) => c.PutTwilioAccountAsync(b, new(AdminData.NewNumber(), AdminData.NewAccountSid(), AdminData.NewAuthToken())),
            ["DeleteTwilioAccount"] = (c, b) => c.DeleteTwilioAccountAsync(b),
            ["PutMetaAccount"] = (c, b) => c.PutMetaAccountAsync(b, AdminData.NewMetaId(),
                new(AdminData.NewMetaId(), "Acme WABA", AdminData.NewNumber(), "Acme Support", AdminData.NewAccessToken())),
            ["DeleteMetaAccount"] = (c, b) => c.DeleteMetaAccountAsync(b, AdminData.NewMetaId()),
            ["PutSandboxNumber"] = (c, b) => c.PutSandboxNumberAsync(b, AdminData.NewNumber()),
            ["DeleteSandboxNumber"] = (c, b) => c.DeleteSandboxNumberAsync(b, AdminData.NewNumber()),
            ["ListWabas"] = (c, b) => c.ListWabasAsync(b),
            ["ListNumbers"] = (c, b) => c.ListNumbersAsync(b),
            ["UpdateNumber"] = (c, b) => c.UpdateNumberAsync(b, AdminData.NewNumber(), new(null, null, "approved")),
            ["PurchaseCredits"] = (c, b) => c.PurchaseCreditsAsync(b, new(1)),
            ["GetCredits"] = (c, b) => c.GetCreditsAsync(b),
            ["PutTemplate"] = (c, b) => c.PutTemplateAsync(b, "order_update", "en_US", new("utility", "Your order {{1}} has shipped.", "approved", "HX0123456789abcdef0123456789abcdef")),
            ["ListTemplates"] = (c, b) => c.ListTemplatesAsync(b),
            ["DeleteTemplate"] = (c, b) => c.DeleteTemplateAsync(b, "no_such_template", "en"),
            ["ListConversations"] = (c, b) => c.ListConversationsAsync(b),
            ["GetConversation"] = (c, b) => c.GetConversationAsync(b, NoConversation),
            ["ListConversationMessages"] = (c, b) => c.ListMessagesAsync(b, NoConversation),
            ["AssignConversation"] = (c, b) => c.AssignConversationAsync(b, NoConversation, "op-1"),
            ["CloseConversation"] = (c, b) => c.CloseConversationAsync(b, NoConversation),
            ["SetConversationDepartment"] = (c, b) => c.SetConversationDepartmentAsync(b, NoConversation, null),
            ["SetConversationTags"] = (c, b) => c.SetConversationTagsAsync(b, NoConversation, ["vip"]),
            ["SendMessage"] = (c, b) => c.SendMessageAsync(b, NoConversation, new SendMessageRequest(Text: "hi")),
            ["PreviewMessage"] = (c, b) => c.PreviewMessageAsync(b, NoConversation, new SendMessageRequest(Text: "hi")),
            ["EraseConversation"] = (c, b) => c.EraseConversationAsync(b, NoConversation),
            ["StartConversation"] = (c, b) => c.StartConversationAsync(b, new StartConversationRequest("15550000000", "447700900000", new TemplateMessageDto("t", "en", []))),
            ["UploadMedia"] = (c, b) => c.UploadMediaAsync(b, new MemoryStream([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00]), "probe.jpg", "image/jpeg"),
            ["DownloadMedia"] = async (c, b) => await (await c.DownloadMediaAsync(b, "med_00000000000000000000000000000000")).DisposeAsync(),
            ["StreamEvents"] = OpenEventStreamAsync,
            ["CreateEventToken"] = (c, b) => c.CreateEventTokenAsync(b),
            ["ListCannedResponses"] = (c, b) => c.ListCannedResponsesAsync(b),
            ["CreateCannedResponse"] = (c, b) => c.CreateCannedResponseAsync(b, new($"Greeting {Guid.NewGuid():N}", "Hi {{customer.name|there}}!")),
            ["GetCannedResponse"] = (c, b) => c.GetCannedResponseAsync(b, "cr_no_such_response"),
            ["UpdateCannedResponse"] = (c, b) => c.UpdateCannedResponseAsync(b, "cr_no_such_response", new("Greeting", "Hi!")),
            ["DeleteCannedResponse"] = (c, b) => c.DeleteCannedResponseAsync(b, "cr_no_such_response"),
            ["RequestCrmExport"] = (c, b) => c.RequestExportAsync(b, $"{AdminData.NewNumber()}-{AdminData.NewCustomer()}", "crm"),
            ["RequestTicketExport"] = (c, b) => c.RequestExportAsync(b, $"{AdminData.NewNumber()}-{AdminData.NewCustomer()}", "ticket"),
            ["ListExports"] = (c, b) => c.ListExportsAsync(b, $"{AdminData.NewNumber()}-{AdminData.NewCustomer()}"),
            ["CreateDistribution"] = (c, b) => c.CreateDistributionAsync(b, ProbeDistribution()),
            ["PreviewDistribution"] = (c, b) => c.PreviewDistributionAsync(b, ProbeDistribution()),
            ["ListDistributions"] = (c, b) => c.ListDistributionsAsync(b),
            ["GetDistribution"] = (c, b) => c.GetDistributionAsync(b, "d_no_such_distribution"),
            ["ListSurveyResponses"] = (c, b) => c.ListSurveyResponsesAsync(b, "d_no_such_distribution"),
            ["CancelDistribution"] = (c, b) => c.CancelDistributionAsync(b, "d_no_such_distribution"),
            ["PutSurvey"] = (c, b) => c.PutSurveyAsync(b, "probe", new("Probe", Questions: [new("nps", "nps", "How likely are you to recommend us?")])),
            ["GetSurvey"] = (c, b) => c.GetSurveyAsync(b, "no_such_survey"),
            ["ListSurveys"] = (c, b) => c.ListSurveysAsync(b),
            ["DeleteSurvey"] = (c, b) => c.DeleteSurveyAsync(b, "no_such_survey"),
            ["ImportContacts"] = (c, b) => c.ImportContactsAsync(b, new MemoryStream("phone,firstName\n+44 7700 900000,Ana\n"u8.ToArray())),
            ["ListContacts"] = (c, b) => c.ListContactsAsync(b),
            ["GetContact"] = (c, b) => c.GetContactAsync(b, "447700900000"),
            ["DeleteContact"] = (c, b) => c.DeleteContactAsync(b, "447700900000"),
            ["CreateContactList"] = (c, b) => c.CreateContactListAsync(b, new($"probe-{Guid.NewGuid():N}", "Probe")),
            ["ListContactLists"] = (c, b) => c.ListContactListsAsync(b),
            ["GetContactList"] = (c, b) => c.GetContactListAsync(b, "no-such-list"),
            ["DeleteContactList"] = (c, b) => c.DeleteContactListAsync(b, "no-such-list"),
        };

    /// <summary>A distribution an allowed caller may send on a fresh brand: refused for what it names (no such survey), not for who calls.</summary>
    private static DistributionRequest ProbeDistribution() =>
        new("link", "no_such_survey", "15550000000", new TemplateMessageDto("t", "en", []), new DistributionRecipients(Phones: ["447700900000"]));

    /// <summary>Opens the brand's event stream and leaves it after a moment: a refusal throws before that.</summary>
    private static async Task OpenEventStreamAsync(ConversationsClient client, string brandId)
    {
        using var open = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        try
        {
            await foreach (var _ in client.ReadEventsAsync(brandId, cancellationToken: open.Token))
            {
                break;
            }
        }
        catch (OperationCanceledException) when (open.IsCancellationRequested)
        {
        }
    }

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var name in Allowed.Keys)
        {
            names.Add(name);
        }

        return names;
    }

    /// <summary>Calls the route and returns its status (a success as 200).</summary>
    public static async Task<HttpStatusCode> StatusOfAsync(string route, ConversationsClient client, string brandId)
    {
        try
        {
            await Calls[route](client, brandId);
            return HttpStatusCode.OK;
        }
        catch (ConversationsApiException e)
        {
            return e.StatusCode;
        }
    }
}
