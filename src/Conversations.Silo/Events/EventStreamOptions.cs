using System.ComponentModel.DataAnnotations;

namespace Conversations.Silo.Events;

/// <summary><c>Conversations:Events</c>: the timing of the live event stream.</summary>
public sealed class EventStreamOptions
{
    public const string Section = "Conversations:Events";

    /// <summary>A comment line is sent after this long without an event, so proxies keep the connection and a dead one is noticed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often a node looks for events committed by other nodes, for the brands it has subscribers of
    /// (one query per brand, not per subscriber). Events committed on this node wake subscribers at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
