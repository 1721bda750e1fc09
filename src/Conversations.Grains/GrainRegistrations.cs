using Conversations.Domain.Numbers;
using Conversations.Grains.Brands;
using Conversations.Grains.Conversations;
using Conversations.Grains.Customers;
using Conversations.Grains.Distributions;
using Conversations.Grains.Events;
using Conversations.Grains.Idempotency;
using Conversations.Grains.Numbers;
using Conversations.Grains.Sandbox;
using Conversations.Grains.Secrets;
using Conversations.Runtime.Hosting;

namespace Conversations.Grains;

/// <summary>Hosts the Brand, PhoneNumber and Conversation grains on a <see cref="GrainRuntime"/>.</summary>
public static class GrainRegistrations
{
    public const string BrandKind = "brand";
    public const string NumberKind = "number";
    public const string ConversationKind = "conversation";
    public const string IdempotencyKind = "idempotency";
    public const string SandboxKind = "sandbox";
    public const string CustomerLinkKind = "customer-link";
    public const string EventLogKind = "event-log";
    public const string DistributionKind = "distribution";

    /// <summary>
    /// Every webhook reads its brand (settings, credentials), its number (who holds it) and maybe a
    /// customer link; on a cluster those reads (the methods marked <c>[StaleRead]</c>) may answer from a state confirmed within this window
    /// instead of each waiting for a database round trip. A change made through another node is
    /// seen here within it; credit reservations and every other write are always checked.
    /// </summary>
    public static readonly TimeSpan HotReadWindow = TimeSpan.FromSeconds(1);

    /// <summary>Registers the grain kinds <c>brand</c>, <c>number</c> and <c>conversation</c>, their states written with <see cref="GrainJson.Options"/>.</summary>
    public static GrainRuntime AddConversationGrains(this GrainRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        return runtime
            .Register<IBrandGrain, BrandGrain, BrandGrainState>(BrandKind, () => new BrandGrain(runtime.Storage), json: GrainJson.Options, staleReadWindow: HotReadWindow)
            .Register<IPhoneNumberGrain, PhoneNumberGrain, PhoneNumberState>(NumberKind, () => new PhoneNumberGrain(), json: GrainJson.Options, staleReadWindow: HotReadWindow)
            .Register<IConversationGrain, ConversationGrain, ConversationGrainState>(ConversationKind, () => new ConversationGrain(), json: GrainJson.Options)
            .Register<IIdempotencyGrain, IdempotencyGrain, IdempotencyState>(IdempotencyKind, () => new IdempotencyGrain(), json: GrainJson.Options)
            .Register<IKeyRingGrain, KeyRingGrain, KeyRingState>(KeyRingRows.Kind, () => new KeyRingGrain(), json: GrainJson.Options)
            .Register<ISandboxGrain, SandboxGrain, SandboxState>(SandboxKind, () => new SandboxGrain(), json: GrainJson.Options)
            .Register<ICustomerLinkGrain, CustomerLinkGrain, CustomerLinkState>(CustomerLinkKind, () => new CustomerLinkGrain(), json: GrainJson.Options, staleReadWindow: HotReadWindow)
            .Register<IEventLogGrain, EventLogGrain, EventLogState>(EventLogKind, () => new EventLogGrain(), json: GrainJson.Options)
            .Register<IDistributionGrain, DistributionGrain, DistributionState>(DistributionKind, () => new DistributionGrain(), json: GrainJson.Options);
    }
}
