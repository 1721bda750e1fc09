namespace Conversations.Channels.Meta.Outbound;

/// <summary>
/// The outcome of one send: <see cref="MetaSendAccepted"/>, <see cref="MetaSendRetryable"/> (try again later,
/// the message was not taken) or <see cref="MetaSendFailed"/> (permanent; retrying cannot help).
/// </summary>
public abstract record MetaSendResult
{
    private protected MetaSendResult()
    {
    }
}
