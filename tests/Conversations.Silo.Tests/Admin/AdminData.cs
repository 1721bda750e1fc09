using System.Globalization;

namespace Conversations.Silo.Tests.Admin;

/// <summary>Fresh ids, numbers and credentials, so tests never share state and order never matters.</summary>
public static class AdminData
{
    private static long _number = Random.Shared.NextInt64(100_000_000, 900_000_000);

    public static string NewBrandId() => $"brand-{Guid.NewGuid():N}"[..30];

    /// <summary>A US number (digits only, 11 digits) no other test uses.</summary>
    public static string NewNumber() => string.Create(CultureInfo.InvariantCulture, $"15{Interlocked.Increment(ref _number):D9}");

    /// <summary>A UK customer number (digits only, 12 digits) no other test uses: outside the US, so marketing templates are allowed.</summary>
    public static string NewCustomer() => string.Create(CultureInfo.InvariantCulture, $"447{Interlocked.Increment(ref _number):D9}");

    /// <summary>A Twilio Account SID: <c>AC</c> + 32 hex.</summary>
    public static string NewAccountSid() => $"AC{Guid.NewGuid():N}";

    /// <summary>A Twilio auth token: 32 hex.</summary>
    public static string NewAuthToken() => Guid.NewGuid().ToString("N");

    /// <summary>A Meta access token: long-lived system-user tokens start with EAA.</summary>
    public static string NewAccessToken() => $"EAAG{Guid.NewGuid():N}{Guid.NewGuid():N}";

    /// <summary>A Meta id (phone number id, WABA id): 15 digits.</summary>
    public static string NewMetaId() => string.Create(CultureInfo.InvariantCulture, $"10{Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999)}");
}
