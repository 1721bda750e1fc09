namespace Conversations.Domain.Billing;

/// <summary>Meta's template categories; each has its own per-message price.</summary>
public enum TemplateCategory
{
    Marketing,
    Utility,
    Authentication,
}
