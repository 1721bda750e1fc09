using System.Collections.Immutable;
using Conversations.Domain.Brands;

namespace Conversations.Grains.Brands;

/// <summary>
/// The Brand grain's state: the domain's <see cref="BrandState"/>, the ledger's row sequence, the
/// orphan-check timer, and the brand's administration: whether it exists (was created through the
/// API), its API keys, templates, Meta numbers and sandbox numbers.
/// </summary>
internal sealed record BrandGrainState(BrandState Brand, long LedgerSequence, DateTimeOffset? OrphanCheckAt)
{
    public static BrandGrainState Initial { get; } = new(BrandState.New(string.Empty), 0, null);

    public DateTimeOffset? CreatedAt { get; init; }

    public ImmutableDictionary<string, ApiKeyRecord> Keys { get; init; } = ImmutableDictionary<string, ApiKeyRecord>.Empty;

    /// <summary>Templates by <c>{name}/{language}</c>.</summary>
    public ImmutableDictionary<string, MessageTemplate> Templates { get; init; } = ImmutableDictionary<string, MessageTemplate>.Empty;

    /// <summary>Meta numbers by phone-number id.</summary>
    public ImmutableDictionary<string, MetaAccount> MetaAccounts { get; init; } = ImmutableDictionary<string, MetaAccount>.Empty;

    public ImmutableSortedSet<string> SandboxNumbers { get; init; } = ImmutableSortedSet<string>.Empty;

    /// <summary>Extra brand settings the rules do not use (retention, outgoing webhook), kept for the API.</summary>
    public int? RetentionDays { get; init; }

    public string? OutgoingWebhookUrl { get; init; }

    /// <summary>The outgoing webhook's signing secret in protected (encrypted) form; null while none is set.</summary>
    public string? OutgoingWebhookSecret { get; init; }

    /// <summary>Canned responses by id: only their names and creation times (the texts are <c>canned_responses</c> rows).</summary>
    public ImmutableDictionary<string, CannedResponseEntry> CannedResponses { get; init; } = ImmutableDictionary<string, CannedResponseEntry>.Empty;

    /// <summary>Survey ids and when each was created (the definitions are <c>surveys</c> rows).</summary>
    public ImmutableDictionary<string, DateTimeOffset> Surveys { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;

    /// <summary>When the last <c>credits.changed</c> event was raised; with <see cref="CreditsEventPending"/>, a later one is due a second after it.</summary>
    public DateTimeOffset? CreditsEventAt { get; init; }

    public bool CreditsEventPending { get; init; }

    public static string TemplateKey(string name, string language) => $"{name}/{language}";
}
