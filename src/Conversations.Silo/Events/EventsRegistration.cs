namespace Conversations.Silo.Events;

/// <summary>Composes the live event stream: its options, tokens and this node's feeds (the outbox handler is added with the grain host).</summary>
internal static class EventsRegistration
{
    public static IServiceCollection AddLiveEvents(this IServiceCollection services)
    {
        services.AddOptions<EventStreamOptions>().BindConfiguration(EventStreamOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EventTokens>();
        services.AddSingleton<EventFeeds>();
        services.AddHostedService(sp => sp.GetRequiredService<EventFeeds>());

        // Browsers send the stream's token in the query string, which ASP.NET Core's request start and
        // finish lines (Information) print in full: keep that category to warnings, whatever the level set.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        return services;
    }
}
