namespace Conversations.Channels.Twilio.Inbound;

/// <summary>The outcome of <see cref="TwilioForm.Parse"/>: the fields in order, or why the body is not a form.</summary>
public sealed record TwilioFormResult
{
    private TwilioFormResult(IReadOnlyList<KeyValuePair<string, string>>? fields, string? error)
    {
        Fields = fields;
        Error = error;
    }

    /// <summary>The fields in body order, repeated names kept; null when <see cref="Error"/> is set.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Fields { get; }

    /// <summary>Why the body was refused (no field values in it, so it is safe to log); null on success.</summary>
    public string? Error { get; }

    public bool IsSuccess => Fields is not null;

    internal static TwilioFormResult Success(IReadOnlyList<KeyValuePair<string, string>> fields) => new(fields, null);

    internal static TwilioFormResult Failure(string error) => new(null, error);
}
