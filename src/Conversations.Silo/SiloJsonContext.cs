using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Silo.Health;
using Conversations.Silo.Pricing;

namespace Conversations.Silo;

/// <summary>Source-generated JSON for the silo's own types: camelCase on the wire.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthStatus))]
[JsonSerializable(typeof(PriceList))]
internal sealed partial class SiloJsonContext : JsonSerializerContext;
