namespace Conversations.Silo.Configuration;

/// <summary><c>Conversations:Twilio</c>: where Twilio's REST API is (tests point it at a loopback fake).</summary>
public sealed class TwilioOptions
{
    public const string Section = "Conversations:Twilio";

    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";
}
