namespace Conversations.Silo.Media;

/// <summary>
/// The outcome of storing a media file: the stored row, or — when the content ran past the limit —
/// nothing stored and <see cref="Consumed"/>, the bytes read before stopping.
/// </summary>
internal sealed record MediaSave(StoredMedia? Media, long Consumed)
{
    public bool TooLarge => Media is null;
}
