using Conversations.Client.Contracts;

namespace Conversations.Client;

public sealed partial class ConversationsClient
{
    /// <summary>
    /// <c>PUT /api/brands/{brandId}/templates/{name}/{language}</c> (admin): creates or replaces a template
    /// (category <c>utility|marketing|authentication</c>, body with <c>{{1}}</c>… placeholders, status
    /// <c>approved|pending|rejected</c>, provider reference).
    /// </summary>
    public Task<TemplateView> PutTemplateAsync(string brandId, string name, string language, TemplateRequest template, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        return PutAsync<TemplateView>($"{Brand(brandId)}/templates/{Segment(name)}/{Segment(language)}", template, cancellationToken);
    }

    /// <summary><c>GET /api/brands/{brandId}/templates</c> (any key of the brand): the brand's templates.</summary>
    public Task<IReadOnlyList<TemplateView>> ListTemplatesAsync(string brandId, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<TemplateView>>($"{Brand(brandId)}/templates", cancellationToken);

    /// <summary><c>DELETE /api/brands/{brandId}/templates/{name}/{language}</c> (admin): removes one template.</summary>
    public Task DeleteTemplateAsync(string brandId, string name, string language, CancellationToken cancellationToken = default) =>
        DeleteAsync($"{Brand(brandId)}/templates/{Segment(name)}/{Segment(language)}", cancellationToken);
}
