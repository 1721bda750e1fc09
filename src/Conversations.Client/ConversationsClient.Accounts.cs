using Conversations.Client.Contracts;

namespace Conversations.Client;

public sealed partial class ConversationsClient
{
    /// <summary>
    /// <c>PUT /api/brands/{brandId}/accounts/twilio</c> (admin): connects the brand's one Twilio account.
    /// 409 <c>twilio_account_exists</c> while another is connected; 409 <c>number_already_configured</c>
    /// when another brand holds the number. The auth token is stored encrypted and never returned.
    /// </summary>
    public Task<TwilioAccountView> PutTwilioAccountAsync(string brandId, TwilioAccountRequest account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return PutAsync<TwilioAccountView>($"{Brand(brandId)}/accounts/twilio", account, cancellationToken);
    }

    /// <summary><c>DELETE /api/brands/{brandId}/accounts/twilio</c> (admin): removes the Twilio account and releases its number.</summary>
    public Task DeleteTwilioAccountAsync(string brandId, CancellationToken cancellationToken = default) =>
        DeleteAsync($"{Brand(brandId)}/accounts/twilio", cancellationToken);

    /// <summary>
    /// <c>PUT /api/brands/{brandId}/accounts/meta/{phoneNumberId}</c> (admin): connects one Meta Cloud API
    /// number. The access token is stored encrypted and never returned.
    /// </summary>
    public Task<MetaNumberView> PutMetaAccountAsync(string brandId, string phoneNumberId, MetaAccountRequest account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return PutAsync<MetaNumberView>($"{Brand(brandId)}/accounts/meta/{Segment(phoneNumberId)}", account, cancellationToken);
    }

    /// <summary><c>DELETE /api/brands/{brandId}/accounts/meta/{phoneNumberId}</c> (admin): removes one Meta number.</summary>
    public Task DeleteMetaAccountAsync(string brandId, string phoneNumberId, CancellationToken cancellationToken = default) =>
        DeleteAsync($"{Brand(brandId)}/accounts/meta/{Segment(phoneNumberId)}", cancellationToken);

    /// <summary><c>PUT /api/brands/{brandId}/accounts/sandbox/{phoneNumber}</c> (admin): a sandbox number, no credentials.</summary>
    public Task<SandboxNumberView> PutSandboxNumberAsync(string brandId, string phoneNumber, CancellationToken cancellationToken = default) =>
        PutAsync<SandboxNumberView>($"{Brand(brandId)}/accounts/sandbox/{Segment(phoneNumber)}", null, cancellationToken);

    /// <summary><c>DELETE /api/brands/{brandId}/accounts/sandbox/{phoneNumber}</c> (admin): removes a sandbox number.</summary>
    public Task DeleteSandboxNumberAsync(string brandId, string phoneNumber, CancellationToken cancellationToken = default) =>
        DeleteAsync($"{Brand(brandId)}/accounts/sandbox/{Segment(phoneNumber)}", cancellationToken);

    /// <summary><c>GET /api/brands/{brandId}/wabas</c> (admin, operator): the WhatsApp Business Accounts with their numbers.</summary>
    public Task<IReadOnlyList<WabaView>> ListWabasAsync(string brandId, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<WabaView>>($"{Brand(brandId)}/wabas", cancellationToken);
}
