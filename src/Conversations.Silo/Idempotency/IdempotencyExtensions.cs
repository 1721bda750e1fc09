namespace Conversations.Silo.Idempotency;

internal static class IdempotencyExtensions
{
    /// <summary>Honours an optional <c>Idempotency-Key</c> header on this route.</summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) => builder.AddEndpointFilter(new IdempotencyFilter());
}
