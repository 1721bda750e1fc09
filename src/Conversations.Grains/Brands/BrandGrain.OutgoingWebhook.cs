namespace Conversations.Grains.Brands;

/// <summary>The Brand grain's outgoing webhook: the URL lives in the settings, the signing secret (protected) beside them.</summary>
internal sealed partial class BrandGrain
{
    public Task SetOutgoingWebhookSecretAsync(string? protectedSecret)
    {
        if (State.OutgoingWebhookSecret != protectedSecret)
        {
            State = State with { OutgoingWebhookSecret = protectedSecret };
        }

        return Task.CompletedTask;
    }

    public Task<OutgoingWebhook> GetOutgoingWebhookAsync() =>
        Task.FromResult(new OutgoingWebhook(State.Brand.Settings.OutgoingWebhookUrl, State.OutgoingWebhookSecret));
}
