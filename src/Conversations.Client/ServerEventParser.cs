using System.Globalization;
using System.Text;
using Conversations.Client.Contracts;

namespace Conversations.Client;

/// <summary>
/// The <c>text/event-stream</c> format, line by line (WHATWG HTML, "server-sent events"): fields
/// <c>event</c>, <c>data</c> (lines joined with a line feed) and <c>id</c>; comments (<c>:</c>…) and
/// <c>retry</c> are skipped; a blank line ends an event.
/// </summary>
internal sealed class ServerEventParser
{
    private readonly StringBuilder _data = new();
    private string? _event;
    private long? _id;
    private bool _hasData;

    /// <summary>Takes one line (without its end); returns the event a blank line completes.</summary>
    public ServerEvent? Feed(string line)
    {
        if (line.Length == 0)
        {
            var done = _hasData ? new ServerEvent(_id, _event ?? "message", _data.ToString()) : null;
            _data.Clear();
            _event = null;
            _id = null;
            _hasData = false;
            return done;
        }

        if (line[0] == ':')
        {
            return null;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var field = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? string.Empty : line[(colon + 1)..];
        if (value.StartsWith(' '))
        {
            value = value[1..];
        }

        switch (field)
        {
            case "event":
                _event = value;
                break;
            case "data":
                if (_hasData)
                {
                    _data.Append('\n');
                }

                _data.Append(value);
                _hasData = true;
                break;
            case "id":
                _id = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
                break;
        }

        return null;
    }
}
