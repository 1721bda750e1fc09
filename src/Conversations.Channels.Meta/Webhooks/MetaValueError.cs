namespace Conversations.Channels.Meta.Webhooks;

/// <summary>An error reported at change level (<c>value.errors[]</c>), addressed to a business number.</summary>
public sealed record MetaValueError(MetaBusinessNumber Business, MetaError Error);
