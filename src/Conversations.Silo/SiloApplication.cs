using Microsoft.Extensions.DependencyInjection.Extensions;
using Conversations.Domain.Billing;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Hosting;
using Conversations.Silo.Access;
using Conversations.Silo.Accounts;
using Conversations.Silo.Api;
using Conversations.Silo.Billing;
using Conversations.Silo.Brands;
using Conversations.Silo.CannedResponses;
using Conversations.Silo.Configuration;
using Conversations.Silo.Contacts;
using Conversations.Silo.Conversations;
using Conversations.Silo.Distributions;
using Conversations.Silo.Events;
using Conversations.Silo.Exports;
using Conversations.Silo.Numbers;
using Conversations.Silo.Templates;
using Conversations.Silo.Health;
using Conversations.Silo.Media;
using Conversations.Silo.Hosting;
using Conversations.Silo.Pricing;
using Conversations.Silo.Sandbox;
using Conversations.Silo.Secrets;
using Conversations.Silo.Surveys;
using Conversations.Silo.Webhooks.Meta;
using Conversations.Silo.Webhooks.Twilio;
using Microsoft.Extensions.Options;

namespace Conversations.Silo;

/// <summary>The composition root: services, configuration and routes of one silo.</summary>
public static class SiloApplication
{
    /// <summary>Builds the silo; <paramref name="configure"/> lets tests add configuration before services are bound.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiConventions.DescribeFrameworkProblem);
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, SiloJsonContext.Default));
        builder.Services
            .AddOptions<ConversationsOptions>()
            .BindConfiguration(ConversationsOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString("Conversations")
                    ?? (options.Storage == StorageKinds.Sqlite ? StorageKinds.DefaultSqliteConnectionString : null))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ConversationsOptions>, ConversationsOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(RateCard.Default);
        builder.Services.AddGrainHost();
        builder.Services.AddSecrets();
        builder.Services.AddLiveEvents();
        builder.Services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        builder.Services.AddSingleton<CallerResolver>();
        builder.Services.AddSingleton<Webhooks.Twilio.TwilioAuthTokens>();
        builder.Services.AddOptions<MetaOptions>().BindConfiguration(MetaOptions.Section);
        builder.Services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section);
        builder.Services.AddMedia();
        builder.Services.AddDistributions();
        builder.Services.AddContacts();

        var app = builder.Build();

        // Validate now, before the host starts, so a bad setting fails with our one line and no stack trace.
        _ = app.Services.GetRequiredService<IOptions<ConversationsOptions>>().Value;

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapHealth();
        app.MapPricing();
        app.MapBrands();
        app.MapKeys();
        app.MapAccounts();
        app.MapNumbers();
        app.MapCredits();
        app.MapTemplates();
        app.MapCannedResponses();
        app.MapSurveys();
        app.MapExports();
        app.MapSandbox();
        app.MapConversations();
        app.MapConversationMessages();
        app.MapMedia();
        app.MapDistributions();
        app.MapContacts();
        app.MapEvents();
        app.MapMetaWebhooks();
        app.MapTwilioWebhooks();
        return app;
    }
}
