namespace Conversations.Silo.Media;

/// <summary>
/// Why an attachment was refused: the <see cref="Limit"/> of the attachment table it broke (<c>type</c> or
/// <c>size</c>), the offending <see cref="Value"/> (a media type, an extension, a size in bytes) and a sentence.
/// </summary>
internal sealed record MediaRejection(string Limit, object Value, string Message);
