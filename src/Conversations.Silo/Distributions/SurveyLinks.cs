using System.Security.Cryptography;

namespace Conversations.Silo.Distributions;

/// <summary>
/// Personal survey links: <c>{public base URL}/s/{token}</c>, the token 128 random bits (base64url),
/// unguessable and unique per recipient. Following it records the click and redirects to the
/// survey's URL with <c>token</c> added, so the survey tool can tell who answered.
/// </summary>
public static class SurveyLinks
{
    public const string Route = "/s/{token}";

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public static string Url(string? publicBaseUrl, string token) =>
        $"{(publicBaseUrl ?? "http://localhost").TrimEnd('/')}/s/{token}";

    /// <summary>The survey's URL with <c>token=</c> added (after any query it has).</summary>
    public static string Target(string surveyUrl, string token)
    {
        ArgumentNullException.ThrowIfNull(surveyUrl);
        var fragment = surveyUrl.IndexOf('#', StringComparison.Ordinal);
        var (head, tail) = fragment < 0 ? (surveyUrl, string.Empty) : (surveyUrl[..fragment], surveyUrl[fragment..]);
        var separator = head.Contains('?', StringComparison.Ordinal) ? (head.EndsWith('?') || head.EndsWith('&') ? string.Empty : "&") : "?";
        return $"{head}{separator}token={Uri.EscapeDataString(token)}{tail}";
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
