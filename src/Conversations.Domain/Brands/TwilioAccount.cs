using System.Text;
using Conversations.Domain.Common;
using Conversations.Domain.Numbers;

namespace Conversations.Domain.Brands;

/// <summary>
/// A brand's own Twilio account, the Qualtrics model: the WhatsApp sender number (digits only),
/// the Account SID (<c>AC</c> + 32 hex) and the Auth Token (32 hex). The token is a secret: it is
/// left out of <see cref="ToString"/>, so a logged record never carries it.
/// </summary>
public sealed record TwilioAccount(WhatsAppNumber PhoneNumber, string AccountSid, string AuthToken)
{
    /// <summary>Validates the three fields; every failure names its field.</summary>
    public static IReadOnlyList<Refusal> Validate(string? phoneNumber, string? accountSid, string? authToken)
    {
        var refusals = new List<Refusal>();
        if (!WhatsAppNumber.TryParse(phoneNumber, "phoneNumber", out _, out var numberRefusal))
        {
            refusals.Add(numberRefusal!);
        }

        if (accountSid is null || accountSid.Length != 34 || !accountSid.StartsWith("AC", StringComparison.Ordinal) || !IsHex(accountSid.AsSpan(2)))
        {
            refusals.Add(new Refusal(RefusalCodes.InvalidFormat, "accountSid must be 'AC' followed by 32 hexadecimal characters.", "accountSid"));
        }

        if (authToken is null || authToken.Length != 32 || !IsHex(authToken))
        {
            refusals.Add(new Refusal(RefusalCodes.InvalidFormat, "authToken must be 32 hexadecimal characters.", "authToken"));
        }

        return refusals;
    }

    /// <summary>Builds the account when all three fields are valid.</summary>
    public static bool TryCreate(string? phoneNumber, string? accountSid, string? authToken, out TwilioAccount? account, out IReadOnlyList<Refusal> refusals)
    {
        refusals = Validate(phoneNumber, accountSid, authToken);
        account = refusals.Count == 0 ? new TwilioAccount(WhatsAppNumber.Parse(phoneNumber!), accountSid!, authToken!) : null;
        return account is not null;
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("PhoneNumber = ").Append(PhoneNumber.Digits).Append(", AccountSid = ").Append(AccountSid).Append(", AuthToken = ***");
        return true;
    }
}
