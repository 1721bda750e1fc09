namespace Conversations.Channels.Meta.Webhooks;

/// <summary>
/// The outcome of parsing one webhook body: either a <see cref="Batch"/> (possibly with items it could not
/// understand, listed inside it) or, when the body as a whole is unusable, an <see cref="Error"/>.
/// </summary>
public sealed record MetaWebhookParseResult
{
    private MetaWebhookParseResult(MetaWebhookBatch? batch, string? error)
    {
        Batch = batch;
        Error = error;
    }

    /// <summary>The parsed batch; null when <see cref="Error"/> is set.</summary>
    public MetaWebhookBatch? Batch { get; }

    /// <summary>Why the body was refused as a whole (malformed JSON, not an object, wrong <c>object</c>).</summary>
    public string? Error { get; }

    /// <summary>True when the body parsed into a batch.</summary>
    public bool IsSuccess => Batch is not null;

    internal static MetaWebhookParseResult Success(MetaWebhookBatch batch) => new(batch, null);

    internal static MetaWebhookParseResult Failure(string error) => new(null, error);
}
