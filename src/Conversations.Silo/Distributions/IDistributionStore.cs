using Conversations.Grains.Distributions;

namespace Conversations.Silo.Distributions;

/// <summary>
/// The recipients of distributions, in the silo's database (SQLite or PostgreSQL) next to the grains:
/// one row per distribution and phone, written when the distribution is created and moved forward by
/// the run and by delivery and survey reports. Every update is idempotent (statuses only advance).
/// </summary>
public interface IDistributionStore
{
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Adds recipients (a phone already there is left as it is); answers how many were new.</summary>
    Task<int> AddRecipientsAsync(string brandId, string distributionId, IReadOnlyList<RecipientRow> rows, CancellationToken cancellationToken);

    /// <summary>Recipients by ascending phone after <paramref name="afterPhone"/> (exclusive).</summary>
    Task<IReadOnlyList<RecipientRow>> ListAsync(string brandId, string distributionId, string? afterPhone, int limit, CancellationToken cancellationToken);

    /// <summary>Applies the run's outcomes in one transaction; each status only moves forward.</summary>
    Task UpdateAsync(string brandId, string distributionId, IReadOnlyList<RecipientUpdate> updates, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Applies a delivery, survey or opt-out report from a conversation.</summary>
    Task ApplyAsync(DistributionProgress progress, CancellationToken cancellationToken);

    /// <summary>Marks every recipient still pending as cancelled.</summary>
    Task<int> CancelPendingAsync(string brandId, string distributionId, DateTimeOffset at, CancellationToken cancellationToken);

    Task<RecipientCounts> CountAsync(string brandId, string distributionId, CancellationToken cancellationToken);

    /// <summary>Records a click on a personal link; null when the token is unknown.</summary>
    Task<RecipientLink?> ClickAsync(string token, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Removes every recipient of the brand (the brand was deleted).</summary>
    Task DeleteBrandAsync(string brandId, CancellationToken cancellationToken);
}
