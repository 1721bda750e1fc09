using System.Globalization;

namespace Conversations.Domain.Common;

/// <summary>An integer setting with inclusive bounds and a default, named as clients spell it.</summary>
public sealed record SettingRange(string Name, long Min, long Max, long Default)
{
    /// <summary>A refusal naming the setting and its range, or <see langword="null"/> when in range.</summary>
    public Refusal? Check(long value) =>
        value >= Min && value <= Max
            ? null
            : new Refusal(
                RefusalCodes.OutOfRange,
                string.Create(CultureInfo.InvariantCulture, $"{Name} must be between {Min:N0} and {Max:N0} inclusive; got {value:N0}."),
                Name);
}
