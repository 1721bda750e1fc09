namespace Conversations.Channels.Meta.Outbound;

/// <summary>An approved template, by name and language, with its body's <c>{{n}}</c> values in order.</summary>
/// <param name="Name">The template's name.</param>
/// <param name="LanguageCode">The template's language code, e.g. <c>en_US</c>.</param>
/// <param name="BodyParameters">Text values for the body placeholders; none means no components are sent.</param>
public sealed record MetaTemplateContent(string Name, string LanguageCode, IReadOnlyList<string> BodyParameters)
    : MetaOutboundContent;
