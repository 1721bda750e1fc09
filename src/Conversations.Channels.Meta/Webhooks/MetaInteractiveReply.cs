namespace Conversations.Channels.Meta.Webhooks;

/// <summary>
/// The customer's answer to an interactive message: the <see cref="Id"/> we gave the button or row and its
/// <see cref="Title"/>; for a flow, its name, body and response JSON (a string, as Meta sends it).
/// </summary>
public sealed record MetaInteractiveReply
{
    public MetaInteractiveKind Kind { get; init; }

    /// <summary>The raw <c>interactive.type</c>.</summary>
    public string? RawKind { get; init; }

    public string? Id { get; init; }

    public string? Title { get; init; }

    /// <summary>The row description of a list reply.</summary>
    public string? Description { get; init; }

    public string? FlowName { get; init; }

    public string? FlowBody { get; init; }

    public string? FlowResponseJson { get; init; }
}
