namespace Conversations.Silo.Media;

/// <summary>
/// Media bytes and their rows, on the deployment's storage: files under the data folder on the
/// embedded default, chunks in PostgreSQL for clusters (so any node serves any media). Content is
/// streamed in chunks both ways; a whole file is never held in memory.
/// </summary>
internal interface IMediaStore
{
    /// <summary>Creates the store's tables when missing; safe to run from many nodes at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="content"/> under the brand and id; stops, storing nothing, once more than
    /// <paramref name="maxBytes"/> were read. When the id is already stored (two first fetches of an inbound
    /// media racing), the row stored first wins and is returned.
    /// </summary>
    Task<MediaSave> SaveAsync(NewMedia media, Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>The media's row, or <see langword="null"/> when the brand has no media of that id.</summary>
    Task<StoredMedia?> FindAsync(string brandId, string mediaId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the customer media cached for one conversation (ids <c>in-{seq}-{index}-{conversationId}</c>),
    /// all of it (a data-protection erasure) or only that of transcript entries before
    /// <paramref name="beforeSeq"/> (retention). Returns how many were deleted.
    /// </summary>
    Task<int> DeleteInboundAsync(string brandId, string conversationId, CancellationToken cancellationToken, long? beforeSeq = null);

    /// <summary>
    /// Notes that the brand's upload <paramref name="mediaId"/> was sent in <paramref name="conversationId"/> (the API's id),
    /// now: retention keeps an upload while its latest send is kept; erasure takes the uploads sent only in the erased conversation.
    /// </summary>
    Task RecordSendAsync(string brandId, string mediaId, string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Erasure: deletes the uploads sent in <paramref name="conversationId"/> and in no other conversation, and forgets
    /// that conversation's sends of the others (an upload also sent to other customers is the brand's shared content,
    /// e.g. a catalogue, and stays for their transcripts). Returns how many uploads were deleted.
    /// </summary>
    Task<int> DeleteSentInAsync(string brandId, string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Retention: deletes the brand's uploads stored before <paramref name="cutoff"/> and not sent since (an upload
    /// never sent goes by its upload time; one sent, once its latest send is older). Returns how many were deleted.
    /// </summary>
    Task<int> DeleteOutboundBeforeAsync(string brandId, DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>The brands that hold uploads, for the retention sweep.</summary>
    Task<IReadOnlyList<string>> ListOutboundBrandsAsync(CancellationToken cancellationToken);

    /// <summary>Writes the media's bytes to <paramref name="destination"/>, chunk by chunk.</summary>
    Task CopyToAsync(StoredMedia media, Stream destination, CancellationToken cancellationToken);
}
