namespace Conversations.Domain.Brands;

public enum TemplateStatus
{
    Approved,
    Pending,
    Rejected,
}
