using Conversations.Domain.Brands;

namespace Conversations.Domain.Messaging;

/// <summary>What the business wants to send: free-form (text or media) or a template.</summary>
public abstract record OutboundContent;

/// <summary>A non-template message (text, or media with an optional caption): free, but only inside the window.</summary>
public sealed record FreeFormContent(string? Text, bool HasMedia = false) : OutboundContent;

/// <summary>A template message: allowed inside or outside the window when approved; priced by category.</summary>
public sealed record TemplateContent(MessageTemplate Template, IReadOnlyList<string> Parameters) : OutboundContent;
