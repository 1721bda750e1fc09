using System.Globalization;
using Conversations.Domain.Common;

namespace Conversations.Domain.Numbers;

/// <summary>
/// Outbound messages per second a business number may send, for text and for media. Defaults are
/// the providers' own: Meta's Cloud API 80/s; a Twilio WhatsApp sender 10/s text and 1.5/s media.
/// </summary>
public sealed record Throughput(double TextPerSecond, double MediaPerSecond)
{
    public const double MaxPerSecond = 1000;

    public static Throughput DefaultFor(ChannelProvider provider) => provider switch
    {
        ChannelProvider.Meta => new Throughput(80, 80),
        ChannelProvider.Twilio => new Throughput(10, 1.5),
        ChannelProvider.Sandbox => new Throughput(80, 80),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>Each rate must be above 0 and at most <see cref="MaxPerSecond"/>.</summary>
    public Refusal? Check()
    {
        foreach (var (name, value) in new[] { ("throughput.textPerSecond", TextPerSecond), ("throughput.mediaPerSecond", MediaPerSecond) })
        {
            if (!(value > 0 && value <= MaxPerSecond))
            {
                return new Refusal(
                    RefusalCodes.OutOfRange,
                    string.Create(CultureInfo.InvariantCulture, $"{name} must be above 0 and at most {MaxPerSecond} messages per second; got {value}."),
                    name);
            }
        }

        return null;
    }
}
