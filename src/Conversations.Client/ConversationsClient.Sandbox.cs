using Conversations.Client.Contracts;

namespace Conversations.Client;

public sealed partial class ConversationsClient
{
    /// <summary>
    /// <c>POST /api/sandbox/{brandId}/inbound</c> (any key of the brand): the simulated customer writes to one of the
    /// brand's sandbox numbers; the conversation records it as it would a provider's webhook.
    /// </summary>
    public Task<SandboxInboundResponse> SandboxInboundAsync(string brandId, SandboxInboundRequest message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return PostAsync<SandboxInboundResponse>($"api/sandbox/{Segment(brandId)}/inbound", message, null, cancellationToken);
    }

    /// <summary><c>GET /api/sandbox/{brandId}/outbound?to=…</c> (any key of the brand): what the business sent to a sandbox customer, oldest first.</summary>
    public Task<IReadOnlyList<SandboxOutboundView>> SandboxOutboundAsync(string brandId, string to, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<SandboxOutboundView>>($"api/sandbox/{Segment(brandId)}/outbound?to={Uri.EscapeDataString(to)}", cancellationToken);
}
