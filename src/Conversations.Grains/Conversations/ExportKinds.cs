namespace Conversations.Grains.Conversations;

/// <summary>What an export carries: the lead for a CRM, or the chat's transcript as a ticket.</summary>
public static class ExportKinds
{
    public const string Crm = "crm";
    public const string Ticket = "ticket";

    public static bool IsKnown(string? kind) => kind is Crm or Ticket;
}
