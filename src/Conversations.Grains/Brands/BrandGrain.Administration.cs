using System.Text.Json;
using Conversations.Domain.Brands;
using Conversations.Domain.Common;

namespace Conversations.Grains.Brands;

/// <summary>The Brand grain's administration: API keys, templates, Meta and sandbox numbers, deletion.</summary>
internal sealed partial class BrandGrain
{
    public const string ApiKeysCollection = ProjectionCollections.ApiKeys;
    public const string MetaNumbersCollection = ProjectionCollections.MetaNumbers;

    public Task<BrandOutcome> CreateKeyAsync(ApiKeyRecord key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (State.Keys.TryGetValue(key.KeyId, out var existing))
        {
            return existing.Hash == key.Hash ? Accepted() : Refused(new Refusal("key_exists", $"Key {key.KeyId} already exists.", "keyId"));
        }

        State = State with { Keys = State.Keys.Add(key.KeyId, key) };
        UpsertRow(ApiKeysCollection, key.Hash, Id.Key, key.KeyId, JsonSerializer.Serialize(new ApiKeyRow(Id.Key, key.KeyId, key.Roles), GrainJson.Options));
        return Accepted();
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListKeysAsync() =>
        Task.FromResult<IReadOnlyList<ApiKeyRecord>>([.. State.Keys.Values.OrderBy(k => k.CreatedAt).ThenBy(k => k.KeyId, StringComparer.Ordinal)]);

    public Task<bool> RevokeKeyAsync(string keyId)
    {
        if (!State.Keys.TryGetValue(keyId, out var key))
        {
            return Task.FromResult(false);
        }

        State = State with { Keys = State.Keys.Remove(keyId) };
        DeleteRow(ApiKeysCollection, key.Hash);
        return Task.FromResult(true);
    }

    public Task TouchKeyAsync(string keyId, DateTimeOffset usedAt)
    {
        if (State.Keys.TryGetValue(keyId, out var key) && (key.LastUsedAt is null || key.LastUsedAt < usedAt))
        {
            State = State with { Keys = State.Keys.SetItem(keyId, key with { LastUsedAt = usedAt }) };
        }

        return Task.CompletedTask;
    }

    public Task<BrandOutcome> UpsertTemplateAsync(MessageTemplate messageTemplate)
    {
        ArgumentNullException.ThrowIfNull(messageTemplate);
        State = State with { Templates = State.Templates.SetItem(BrandGrainState.TemplateKey(messageTemplate.Name, messageTemplate.Language), messageTemplate) };
        return Accepted();
    }

    public Task<IReadOnlyList<MessageTemplate>> ListTemplatesAsync() =>
        Task.FromResult<IReadOnlyList<MessageTemplate>>([.. State.Templates.Values
            .OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Language, StringComparer.Ordinal)]);

    public Task<bool> DeleteTemplateAsync(string name, string language)
    {
        var key = BrandGrainState.TemplateKey(name, language);
        if (!State.Templates.ContainsKey(key))
        {
            return Task.FromResult(false);
        }

        State = State with { Templates = State.Templates.Remove(key) };
        return Task.FromResult(true);
    }

    public Task<BrandOutcome> ConnectMetaAsync(MetaAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (State.MetaAccounts.TryGetValue(account.PhoneNumberId, out var existing) && existing.PhoneNumber != account.PhoneNumber)
        {
            return Refused(new Refusal(RefusalCodes.NumberAlreadyConfigured,
                $"Phone-number id {account.PhoneNumberId} is already connected with number {existing.PhoneNumber}; remove it first.", "phoneNumber"));
        }

        State = State with { MetaAccounts = State.MetaAccounts.SetItem(account.PhoneNumberId, account) };
        UpsertRow(MetaNumbersCollection, account.PhoneNumberId, Id.Key, account.PhoneNumberId,
            JsonSerializer.Serialize(new MetaNumberRow(Id.Key, account.PhoneNumber), GrainJson.Options));
        return Accepted();
    }

    public Task<MetaAccount?> DisconnectMetaAsync(string phoneNumberId)
    {
        if (!State.MetaAccounts.TryGetValue(phoneNumberId, out var account))
        {
            return Task.FromResult<MetaAccount?>(null);
        }

        State = State with { MetaAccounts = State.MetaAccounts.Remove(phoneNumberId) };
        DeleteRow(MetaNumbersCollection, phoneNumberId);
        return Task.FromResult<MetaAccount?>(account);
    }

    public Task<IReadOnlyList<MetaAccount>> ListMetaAccountsAsync() =>
        Task.FromResult<IReadOnlyList<MetaAccount>>([.. State.MetaAccounts.Values.OrderBy(a => a.WabaId, StringComparer.Ordinal).ThenBy(a => a.PhoneNumberId, StringComparer.Ordinal)]);

    public Task<BrandOutcome> AddSandboxNumberAsync(string number)
    {
        State = State with { SandboxNumbers = State.SandboxNumbers.Add(number) };
        return Accepted();
    }

    public Task<bool> RemoveSandboxNumberAsync(string number)
    {
        if (!State.SandboxNumbers.Contains(number))
        {
            return Task.FromResult(false);
        }

        State = State with { SandboxNumbers = State.SandboxNumbers.Remove(number) };
        return Task.FromResult(true);
    }

    public Task<BrandDeletion> DeleteAsync()
    {
        if (State.CreatedAt is null && State.Brand.Name.Length == 0)
        {
            return Task.FromResult(new BrandDeletion(false, []));
        }

        var numbers = State.MetaAccounts.Values.Select(a => a.PhoneNumber)
            .Concat(State.SandboxNumbers)
            .Concat(State.Brand.Twilio is { } twilio ? [twilio.PhoneNumber.Digits] : [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var key in State.Keys.Values)
        {
            DeleteRow(ApiKeysCollection, key.Hash);
        }

        foreach (var account in State.MetaAccounts.Keys)
        {
            DeleteRow(MetaNumbersCollection, account);
        }

        DeletePartition(LedgerCollection, Id.Key);
        DeletePartition(CannedResponsesCollection, Id.Key);
        DeletePartition(SurveysCollection, Id.Key);
        CancelTimer(OrphanTimer);
        ClearState();
        return Task.FromResult(new BrandDeletion(true, numbers));
    }

    public Task<ProtectedCredentials?> GetTwilioCredentialsAsync() =>
        Task.FromResult(State.Brand.Twilio is { } twilio
            ? new ProtectedCredentials(twilio.AccountSid, twilio.PhoneNumber.Digits, twilio.AuthToken)
            : null);

    public Task<ProtectedCredentials?> GetMetaCredentialsAsync(string phoneNumberId) =>
        Task.FromResult(State.MetaAccounts.TryGetValue(phoneNumberId, out var account)
            ? new ProtectedCredentials(account.PhoneNumberId, account.PhoneNumber, account.ProtectedAccessToken)
            : null);

    public Task<ProtectedCredentials?> FindMetaAccountAsync(string phoneNumber) =>
        Task.FromResult(State.MetaAccounts.Values.FirstOrDefault(a => a.PhoneNumber == phoneNumber) is { } account
            ? new ProtectedCredentials(account.PhoneNumberId, account.PhoneNumber, account.ProtectedAccessToken)
            : null);

    private Task<BrandOutcome> Accepted() => Task.FromResult(new BrandOutcome(null, Snapshot()));
}
