using Conversations.Silo.Configuration;
using Microsoft.Extensions.Options;

namespace Conversations.Silo.Contacts;

/// <summary>Composes contacts: the store of the configured storage (<c>Conversations:Storage</c>), on the grains' database.</summary>
internal static class ContactsRegistration
{
    /// <summary>Call after <c>AddGrainHost</c>: the store's tables are created once the grain host made the database ready.</summary>
    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        services.AddSingleton<IContactStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ConversationsOptions>>().Value;
            return options.Storage == StorageKinds.Postgres
                ? new PostgresContactStore(options.ConnectionString!)
                : new SqliteContactStore(options.ConnectionString!);
        });
        services.AddHostedService<ContactStoreStartup>();
        return services;
    }
}
