using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Conversations.Silo.Tests.Webhooks;

/// <summary>
/// Builds WhatsApp Cloud API webhook bodies in the shape of Meta's documented examples
/// (<c>object</c> / <c>entry[].changes[].value</c> with <c>metadata</c>, <c>contacts</c>, <c>messages</c>,
/// <c>statuses</c>) and signs them as Meta does.
/// </summary>
internal sealed class MetaPayload(string phoneNumberId, string displayNumber)
{
    private readonly JsonArray _messages = [];
    private readonly JsonArray _contacts = [];
    private readonly JsonArray _statuses = [];

    public MetaPayload Text(string wamid, string from, string body, DateTimeOffset at, string profileName = "Ana")
    {
        _contacts.Add(new JsonObject { ["profile"] = new JsonObject { ["name"] = profileName }, ["wa_id"] = from });
        _messages.Add(new JsonObject
        {
            ["from"] = from,
            ["id"] = wamid,
            ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = body },
        });
        return this;
    }

    /// <summary>Any message object (image, location, reaction, ...) with the contact entry Meta sends beside it.</summary>
    public MetaPayload Message(JsonObject contact, JsonObject message)
    {
        _contacts.Add(contact);
        _messages.Add(message);
        return this;
    }

    /// <summary>A <c>failed</c> status with Meta's <c>errors[]</c>.</summary>
    public MetaPayload Failed(string wamid, string recipient, string callback, DateTimeOffset at, int code, string details)
    {
        _statuses.Add(new JsonObject
        {
            ["id"] = wamid,
            ["status"] = "failed",
            ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["recipient_id"] = recipient,
            ["biz_opaque_callback_data"] = callback,
            ["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = code,
                ["title"] = "Re-engagement message",
                ["message"] = "Re-engagement message",
                ["error_data"] = new JsonObject { ["details"] = details },
            }),
        });
        return this;
    }

    public MetaPayload Status(string wamid, string status, string recipient, string? callback, DateTimeOffset at)
    {
        var item = new JsonObject
        {
            ["id"] = wamid,
            ["status"] = status,
            ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["recipient_id"] = recipient,
            ["pricing"] = new JsonObject { ["billable"] = true, ["pricing_model"] = "PMP", ["category"] = "marketing", ["type"] = "regular" },
        };
        if (callback is not null)
        {
            item["biz_opaque_callback_data"] = callback;
        }

        _statuses.Add(item);
        return this;
    }

    public byte[] Build()
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = displayNumber, ["phone_number_id"] = phoneNumberId },
        };
        if (_contacts.Count > 0)
        {
            value["contacts"] = _contacts.DeepClone();
        }

        if (_messages.Count > 0)
        {
            value["messages"] = _messages.DeepClone();
        }

        if (_statuses.Count > 0)
        {
            value["statuses"] = _statuses.DeepClone();
        }

        var root = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "102290129340398",
                ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = "messages" }),
            }),
        };
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    public static string Sign(byte[] body, string appSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
}
