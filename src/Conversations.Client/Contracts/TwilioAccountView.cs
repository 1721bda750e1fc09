namespace Conversations.Client.Contracts;

/// <summary>The connected Twilio account: its number and Account SID; the auth token is never returned.</summary>
public sealed record TwilioAccountView(string PhoneNumber, string AccountSid);
