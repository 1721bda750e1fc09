namespace Conversations.Grains.Brands;

public enum CreditCommandKind
{
    Reserve,
    Settle,
    Release,
}
