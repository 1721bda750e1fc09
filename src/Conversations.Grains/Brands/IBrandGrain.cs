using Conversations.Domain.Brands;
using Conversations.Domain.Surveys;
using Conversations.Runtime.Grains;

namespace Conversations.Grains.Brands;

/// <summary>
/// A brand, keyed by its brand id: its name and chat settings, its Twilio account (at most one),
/// and its credits. Refusals are returned as data (<see cref="BrandOutcome.Refusal"/>,
/// <see cref="CreditOutcome.Refusal"/>), never thrown. The credit commands are idempotent by id —
/// a purchase by its purchase id, a reservation, settlement or release by its message id — so a
/// caller may repeat any of them (a retried webhook, a re-run turn) without double counting.
/// Every change of the credits writes a row in the <c>ledger</c> projection (partition: brand id,
/// sort key: a zero-padded sequence). A reservation whose delivery report never comes is released
/// by a durable timer once it is more than a day old.
/// </summary>
public interface IBrandGrain : IGrain
{
    /// <summary>The brand as it stands; a brand never configured has an empty name and default settings.</summary>
    Task<BrandSnapshot> GetAsync();

    /// <summary>The chat settings the brand's conversations run by.</summary>
    [StaleRead]
    Task<BrandSettings> GetSettingsAsync();

    /// <summary>Sets the name (1 to 200 characters) and replaces the settings; refused when any value is out of range.</summary>
    Task<BrandOutcome> ConfigureAsync(string name, BrandSettings settings);

    /// <summary>Connects the brand's Twilio account; refused when a different account is connected (<c>twilio_account_exists</c>).</summary>
    Task<BrandOutcome> ConnectTwilioAsync(string phoneNumber, string accountSid, string authToken);

    /// <summary>Removes the brand's Twilio account, if any.</summary>
    Task<BrandOutcome> DisconnectTwilioAsync();

    /// <summary>Adds <paramref name="credits"/> credits (US$2 each); a repeated <paramref name="purchaseId"/> adds nothing.</summary>
    Task<CreditOutcome> PurchaseCreditsAsync(string purchaseId, long credits);

    /// <summary>
    /// Holds <paramref name="amountMicros"/> for <paramref name="messageId"/>: refused with
    /// <c>insufficient_credit</c> when more than available, with <c>reservation_conflict</c> when
    /// the id is reserved with another amount or already ended; the same reservation again is a no-op.
    /// </summary>
    Task<CreditOutcome> ReserveAsync(string messageId, long amountMicros);

    /// <summary>Bills the reservation of <paramref name="messageId"/>; unknown or ended ids change nothing.</summary>
    Task<CreditOutcome> SettleAsync(string messageId);

    /// <summary>Gives back the reservation of <paramref name="messageId"/>; unknown or ended ids change nothing.</summary>
    Task<CreditOutcome> ReleaseAsync(string messageId);

    /// <summary>
    /// Applies <paramref name="commands"/> in order in one turn (one commit), each exactly as its single
    /// method would; returns each one's outcome. <see cref="BrandCredits"/> gathers them.
    /// </summary>
    Task<IReadOnlyList<CreditOutcome>> ApplyCreditsAsync(IReadOnlyList<CreditCommand> commands);

    /// <summary>Keeps the settings the rules do not use: transcript retention in days and the outgoing webhook URL.</summary>
    Task<BrandOutcome> SetExtrasAsync(int? retentionDays, string? outgoingWebhookUrl);

    /// <summary>Adds an API key (by its hash); also writes the <c>api_keys</c> row authentication reads.</summary>
    Task<BrandOutcome> CreateKeyAsync(ApiKeyRecord key);

    Task<IReadOnlyList<ApiKeyRecord>> ListKeysAsync();

    /// <summary>Revokes a key at once: its <c>api_keys</c> row is deleted in the same commit. False when unknown.</summary>
    Task<bool> RevokeKeyAsync(string keyId);

    /// <summary>Records that a key was used (callers throttle this).</summary>
    Task TouchKeyAsync(string keyId, DateTimeOffset usedAt);

    Task<BrandOutcome> UpsertTemplateAsync(MessageTemplate messageTemplate);

    Task<IReadOnlyList<MessageTemplate>> ListTemplatesAsync();

    Task<bool> DeleteTemplateAsync(string name, string language);

    /// <summary>Connects a Meta Cloud API number (its token already protected); writes the <c>meta_numbers</c> routing row.</summary>
    Task<BrandOutcome> ConnectMetaAsync(MetaAccount account);

    /// <summary>Removes a Meta number; returns it, or <see langword="null"/> when unknown.</summary>
    Task<MetaAccount?> DisconnectMetaAsync(string phoneNumberId);

    Task<IReadOnlyList<MetaAccount>> ListMetaAccountsAsync();

    Task<BrandOutcome> AddSandboxNumberAsync(string number);

    Task<bool> RemoveSandboxNumberAsync(string number);

    /// <summary>
    /// Deletes the brand: its keys (revoked at once), accounts, templates and ledger; returns the
    /// numbers it held so the caller releases them. Conversations are erased by the caller.
    /// </summary>
    Task<BrandDeletion> DeleteAsync();

    /// <summary>
    /// The brand's Twilio Account SID and auth token in its protected (encrypted) form, for a channel
    /// adapter to validate webhooks and send; <see langword="null"/> when no Twilio account is connected.
    /// Never expose the result through an API.
    /// </summary>
    [StaleRead]
    Task<ProtectedCredentials?> GetTwilioCredentialsAsync();

    /// <summary>The Meta number's access token in its protected form, or <see langword="null"/> when the brand has no such number.</summary>
    [StaleRead]
    Task<ProtectedCredentials?> GetMetaCredentialsAsync(string phoneNumberId);

    /// <summary>The Meta number connected as business number <paramref name="phoneNumber"/>: its phone-number id and protected token.</summary>
    [StaleRead]
    Task<ProtectedCredentials?> FindMetaAccountAsync(string phoneNumber);

    /// <summary>Sets the outgoing webhook's signing secret, already protected (encrypted); <see langword="null"/> removes it.</summary>
    Task SetOutgoingWebhookSecretAsync(string? protectedSecret);

    /// <summary>
    /// Where exports go: the outgoing webhook URL and its signing secret in protected form, for the
    /// exports handler. Never expose the secret through an API.
    /// </summary>
    Task<OutgoingWebhook> GetOutgoingWebhookAsync();

    /// <summary>
    /// Adds a canned response (checked with <see cref="Domain.CannedResponses.CannedResponse.Validate"/>);
    /// refused with <c>name_taken</c> when another has the name (ignoring case), with <c>limit_reached</c>
    /// at <see cref="Domain.CannedResponses.CannedResponse.MaxPerBrand"/>. Writes its <c>canned_responses</c> row.
    /// </summary>
    Task<CannedResponseOutcome> CreateCannedResponseAsync(string id, string name, string text);

    /// <summary>Replaces a canned response's name and text; <see langword="null"/> when the brand has no such id.</summary>
    Task<CannedResponseOutcome?> UpdateCannedResponseAsync(string id, string name, string text);

    /// <summary>Deletes a canned response and its row; false when unknown.</summary>
    Task<bool> DeleteCannedResponseAsync(string id);

    /// <summary>
    /// Creates or replaces survey <paramref name="surveyId"/> (checked with <see cref="SurveyRules.Validate"/>);
    /// refused with <c>limit_reached</c> when it is new and the brand has <see cref="BrandGrain.MaxSurveys"/>.
    /// Writes its <c>surveys</c> row; <see cref="SurveyOutcome.Created"/> tells a create from a replace.
    /// </summary>
    Task<SurveyOutcome> PutSurveyAsync(string surveyId, SurveyDefinition survey);

    /// <summary>The brand's survey <paramref name="surveyId"/> as last saved; <see langword="null"/> when it has none.</summary>
    Task<SurveyDefinition?> GetSurveyAsync(string surveyId);

    /// <summary>Deletes a survey and its row; false when unknown. Sessions already running keep their own copy.</summary>
    Task<bool> DeleteSurveyAsync(string surveyId);
}
