namespace Conversations.Channels.Meta.Webhooks;

/// <summary>
/// Everything one webhook POST carried, flattened over all <c>entry[].changes[]</c>: nothing is dropped —
/// an item that could not be understood lands in <see cref="Unrecognized"/> with its reason.
/// </summary>
/// <param name="Messages">Inbound customer messages (<c>value.messages[]</c>), in payload order.</param>
/// <param name="Statuses">Delivery statuses of our outbound messages (<c>value.statuses[]</c>).</param>
/// <param name="Errors">Errors Meta reported at value level (<c>value.errors[]</c>), not tied to a message.</param>
/// <param name="Unrecognized">Entries, changes and items that could not be parsed, with the reason.</param>
public sealed record MetaWebhookBatch(
    IReadOnlyList<MetaInboundMessage> Messages,
    IReadOnlyList<MetaStatusUpdate> Statuses,
    IReadOnlyList<MetaValueError> Errors,
    IReadOnlyList<MetaUnrecognizedItem> Unrecognized)
{
    /// <summary>Number of understood items (messages + statuses + value-level errors).</summary>
    public int ItemCount => Messages.Count + Statuses.Count + Errors.Count;
}
