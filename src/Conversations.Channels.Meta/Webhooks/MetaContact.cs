using System.Text.Json;

namespace Conversations.Channels.Meta.Webhooks;

/// <summary>One entry of <c>value.contacts[]</c>: who the messages of that change came from.</summary>
internal sealed record MetaContact(string? WaId, string? UserId, string? ParentUserId, string? Name, string? Username)
{
    public static IReadOnlyList<MetaContact> ReadAll(JsonElement value)
    {
        var contacts = new List<MetaContact>();
        foreach (var item in JsonFields.Items(value, "contacts"))
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var profile = JsonFields.Object(item, "profile");
            contacts.Add(new MetaContact(
                JsonFields.String(item, "wa_id"),
                JsonFields.String(item, "user_id"),
                JsonFields.String(item, "parent_user_id"),
                profile is { } p ? JsonFields.String(p, "name") : null,
                profile is { } q ? JsonFields.String(q, "username") : null));
        }

        return contacts;
    }

    /// <summary>
    /// The contact a message came from: matched by phone or user id; when nothing matches and the change
    /// names a single contact that does not contradict the sender, that one (Meta sends one contact per sender).
    /// </summary>
    public static MetaContact? Match(IReadOnlyList<MetaContact> contacts, string? from, string? fromUserId)
    {
        foreach (var contact in contacts)
        {
            if ((from is not null && string.Equals(contact.WaId, from, StringComparison.Ordinal))
                || (fromUserId is not null && string.Equals(contact.UserId, fromUserId, StringComparison.Ordinal)))
            {
                return contact;
            }
        }

        if (contacts.Count != 1)
        {
            return null;
        }

        var only = contacts[0];
        var contradicts = (from is not null && only.WaId is not null)
            || (fromUserId is not null && only.UserId is not null);
        return contradicts ? null : only;
    }
}
