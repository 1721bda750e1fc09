namespace Conversations.Channels.Meta.Webhooks;

/// <summary>Collects the items of one webhook as the parser walks it.</summary>
internal sealed class BatchBuilder
{
    private readonly List<MetaInboundMessage> _messages = [];
    private readonly List<MetaStatusUpdate> _statuses = [];
    private readonly List<MetaValueError> _errors = [];
    private readonly List<MetaUnrecognizedItem> _unrecognized = [];

    public void Message(MetaInboundMessage message) => _messages.Add(message);

    public void Status(MetaStatusUpdate status) => _statuses.Add(status);

    public void Error(MetaValueError error) => _errors.Add(error);

    public void Unrecognized(string path, string reason) => _unrecognized.Add(new MetaUnrecognizedItem(path, reason));

    public MetaWebhookBatch Build() => new(_messages, _statuses, _errors, _unrecognized);
}
