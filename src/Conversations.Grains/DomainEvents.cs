using System.Text;
using System.Text.Json;
using Conversations.Domain.Common;

namespace Conversations.Grains;

/// <summary>Turns the domain's event effects into <see cref="GrainEvent"/> JSON for the <c>events</c> outbox topic.</summary>
internal static class DomainEvents
{
    public const string Topic = "events";

    public static string Serialize(Effect effect, string grain, string? brandId, DateTimeOffset at) =>
        JsonSerializer.Serialize(new GrainEvent(TypeName(effect), grain, brandId, at, effect), GrainJson.Options);

    /// <summary>An event that is not a domain effect (<c>message_received</c>, <c>chat_assigned</c>, …) with its data.</summary>
    public static string Serialize(string type, string grain, string? brandId, DateTimeOffset at, object data) =>
        JsonSerializer.Serialize(new GrainEvent(type, grain, brandId, at, data), GrainJson.Options);

    /// <summary><c>ChatOpened</c> → <c>chat_opened</c>.</summary>
    public static string TypeName(Effect effect)
    {
        var name = effect.GetType().Name;
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
