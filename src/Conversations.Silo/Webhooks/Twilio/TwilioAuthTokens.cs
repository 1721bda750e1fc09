using System.Collections.Concurrent;
using Conversations.Silo.Secrets;

namespace Conversations.Silo.Webhooks.Twilio;

/// <summary>
/// The brands' Twilio auth tokens as plain text, for checking webhook signatures: unprotecting a
/// stored secret costs more than the rest of the check, and every webhook needs one. Keyed by the
/// protected form, which never changes meaning, so a brand that sets a new token simply misses here
/// once. Bounded: past <see cref="MaxEntries"/> tokens the memo starts over.
/// </summary>
internal sealed class TwilioAuthTokens(IServiceProvider services)
{
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, string> _plain = new(StringComparer.Ordinal);

    public string Unprotect(string protectedSecret)
    {
        if (_plain.TryGetValue(protectedSecret, out var token))
        {
            return token;
        }

        if (_plain.Count >= MaxEntries)
        {
            _plain.Clear();
        }

        token = services.GetRequiredService<ISecretProtector>().Unprotect(protectedSecret);
        _plain[protectedSecret] = token;
        return token;
    }
}
