namespace Conversations.Grains.Sandbox;

/// <summary>
/// One sandbox grain per brand and recipient (<c>{brandId}|{to}</c>): its state (the ids it took) stays
/// as small as one customer's messages, and a distribution to many people spreads over many grains.
/// The key is also the partition of the recipient's <c>sandbox_outbound</c> rows.
/// </summary>
public static class SandboxKeys
{
    public static string Of(string brandId, string to) => $"{brandId}|{to}";
}
