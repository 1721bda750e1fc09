using System.Text.Json;

namespace Conversations.Channels.Meta.Webhooks;

/// <summary>Reads one <c>changes[].value</c>: its metadata, contacts, messages, statuses and errors.</summary>
internal static class MetaValueReader
{
    public static void Read(JsonElement value, string path, BatchBuilder sink)
    {
        var business = JsonFields.Object(value, "metadata") is { } metadata
            ? new MetaBusinessNumber(
                JsonFields.String(metadata, "phone_number_id"),
                JsonFields.String(metadata, "display_phone_number"))
            : new MetaBusinessNumber(null, null);
        var contacts = MetaContact.ReadAll(value);

        var carried = false;
        carried |= ReadArray(value, "messages", path, sink, (item, itemPath) =>
        {
            var (message, reason) = MetaMessageReader.Read(item, business, contacts);
            if (message is not null)
            {
                sink.Message(message);
            }
            else
            {
                sink.Unrecognized(itemPath, reason ?? "message could not be read");
            }
        });
        carried |= ReadArray(value, "statuses", path, sink, (item, itemPath) =>
        {
            var (status, reason) = MetaStatusReader.Read(item, business);
            if (status is not null)
            {
                sink.Status(status);
            }
            else
            {
                sink.Unrecognized(itemPath, reason ?? "status could not be read");
            }
        });
        carried |= ReadArray(value, "errors", path, sink, (item, itemPath) =>
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                sink.Error(new MetaValueError(business, JsonFields.Error(item)));
            }
            else
            {
                sink.Unrecognized(itemPath, "error is not an object");
            }
        });

        if (!carried)
        {
            sink.Unrecognized(path, "value carries no messages, statuses or errors");
        }
    }

    private static bool ReadArray(
        JsonElement value, string name, string path, BatchBuilder sink, Action<JsonElement, string> readItem)
    {
        if (!JsonFields.Has(value, name))
        {
            return false;
        }

        if (JsonFields.Array(value, name) is not { } array)
        {
            sink.Unrecognized($"{path}.{name}", $"\"{name}\" is not an array");
            return true;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}.{name}[{index++}]";
            try
            {
                readItem(item, itemPath);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
            {
                // E.g. a string with invalid UTF-8: the item is reported, its siblings still read.
                sink.Unrecognized(itemPath, $"unreadable item ({ex.GetType().Name})");
            }
        }

        return true;
    }
}
