using System.Text.Json;
using Conversations.Client.Contracts;
using Conversations.Domain.Numbers;
using Conversations.Grains.Conversations;
using Conversations.Silo.Conversations;

namespace Conversations.Silo.Exports;

/// <summary>
/// The JSON documents exports deliver (<see cref="CrmExport"/>, <see cref="TicketExport"/>), built
/// from the conversation as it stands when the export is handled. Pure: the handler reads the
/// conversation, its transcript rows and its number's department, and passes them in. The
/// department is the one an operator set on the conversation, else the business number's.
/// </summary>
internal static class ExportDocuments
{
    /// <summary>The newest transcript entries a ticket carries; a longer transcript is marked truncated.</summary>
    public const int MaxMessages = 1_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string EventOf(string kind) => $"export.{kind}";

    /// <summary>The UTF-8 JSON body of <paramref name="request"/>; <paramref name="transcript"/> is oldest first.</summary>
    public static byte[] Build(
        ExportRequest request, ConversationSnapshot conversation, string? numberDepartment, IReadOnlyList<TranscriptEntry> transcript, bool truncated)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(conversation);
        var department = conversation.Department ?? numberDepartment;
        var key = new ConversationKey(conversation.BrandId, conversation.BusinessNumber, conversation.Customer);
        var customer = Customer(conversation);
        var id = ConversationIds.Format(key);
        object document = request.Kind == ExportKinds.Crm
            ? new CrmExport(EventOf(request.Kind), request.ExportId, request.BrandId, id, request.RequestedAt,
                new ExportLead(customer.Name, customer.Number, customer.UserId, conversation.Tags, department, conversation.BusinessNumber))
            : new TicketExport(EventOf(request.Kind), request.ExportId, request.BrandId, id, request.RequestedAt, customer, conversation.BusinessNumber, department,
                Chat(conversation.Chat), [.. transcript.Select(Message)], truncated);
        return JsonSerializer.SerializeToUtf8Bytes(document, document.GetType(), Json);
    }

    /// <summary>The customer as the provider named them; a key's customer that is a number is their number, anything else a user id.</summary>
    private static ExportCustomer Customer(ConversationSnapshot conversation)
    {
        var identity = conversation.Identity;
        var keyIsNumber = WhatsAppNumber.TryParse(conversation.Customer, "customer", out _, out _);
        return new ExportCustomer(
            identity?.ProfileName,
            identity?.Phone ?? (keyIsNumber ? conversation.Customer : null),
            identity?.UserId ?? (keyIsNumber ? null : conversation.Customer));
    }

    private static ExportChat? Chat(ChatSnapshot? chat) => chat is null
        ? null
        : new ExportChat(chat.Number, JsonNamingPolicy.CamelCase.ConvertName(chat.Status.ToString()), chat.OpenedAt, chat.ClosedAt,
            chat.CloseReason is { } reason ? JsonNamingPolicy.CamelCase.ConvertName(reason.ToString()) : null);

    private static ExportMessage Message(TranscriptEntry entry) => new(
        entry.Seq, entry.Direction, entry.At, entry.Kind, entry.Text,
        [.. entry.Attachments.Select(a => new ExportAttachment(a.MediaId, a.Url, a.ContentType, a.FileName))],
        entry.TemplateName,
        entry.Delivery is { } delivery ? JsonNamingPolicy.CamelCase.ConvertName(delivery.Status.ToString()) : null);
}
