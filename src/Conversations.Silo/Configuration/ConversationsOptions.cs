using System.ComponentModel.DataAnnotations;

namespace Conversations.Silo.Configuration;

/// <summary>
/// The <c>Conversations</c> configuration section. Names are stable: operators and later
/// features rely on them. Validated at start-up; a bad value stops the silo with one line naming it.
/// </summary>
public sealed class ConversationsOptions : IValidatableObject
{
    public const string Section = "Conversations";

    /// <summary><c>sqlite</c> (the embedded single-node default) or <c>postgres</c> (clusters).</summary>
    public string Storage { get; set; } = StorageKinds.Sqlite;

    /// <summary>The externally visible base URL, used to validate provider signatures and to build callback URLs.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The root admin API key. Without one, only brand keys can call the API.</summary>
    public string? AdminKey { get; set; }

    /// <summary>
    /// The base64 of 32 random bytes (<c>openssl rand -base64 32</c>) that encrypts the key ring of the
    /// provider secrets. Required with <c>postgres</c>, where every node must use the same key; on the
    /// embedded default, one is generated beside the database on first start when not set.
    /// </summary>
    public string? MasterKey { get; set; }

    /// <summary>Filled from <c>ConnectionStrings:Conversations</c> by the composition root.</summary>
    internal string? ConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!StorageKinds.All.Contains(Storage, StringComparer.Ordinal))
        {
            yield return new ValidationResult(
                $"Conversations:Storage must be 'sqlite' or 'postgres'; got '{Storage}'.", [nameof(Storage)]);
        }

        if (Storage == StorageKinds.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "ConnectionStrings:Conversations is required when Conversations:Storage is 'postgres'.", ["ConnectionString"]);
        }

        if (PublicBaseUrl is not null
            && (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query)))
        {
            yield return new ValidationResult(
                $"Conversations:PublicBaseUrl must be an absolute http(s) URL without a query, such as https://chat.example.com; got '{PublicBaseUrl}'.",
                [nameof(PublicBaseUrl)]);
        }

        if (AdminKey is not null && AdminKey.Length < 32)
        {
            // The key itself is never echoed: it is a secret even when it is too short.
            yield return new ValidationResult(
                $"Conversations:AdminKey must be at least 32 characters long; it has {AdminKey.Length}.", [nameof(AdminKey)]);
        }

        if (MasterKey is not null && !Secrets.MasterKey.IsValid(MasterKey))
        {
            // Never echoed, like the admin key.
            yield return new ValidationResult(
                "Conversations:MasterKey must be the base64 of 32 random bytes, such as the output of 'openssl rand -base64 32'.", [nameof(MasterKey)]);
        }

        if (Storage == StorageKinds.Postgres && MasterKey is null)
        {
            yield return new ValidationResult(
                "Conversations:MasterKey is required when Conversations:Storage is 'postgres': every node must decrypt the secrets with the same key ('openssl rand -base64 32' makes one).",
                [nameof(MasterKey)]);
        }
    }
}
