namespace Conversations.Runtime.Grains;

/// <summary>
/// Marks a read-only grain method whose answer may be a little stale: on shared storage, when the
/// grain kind is registered with a stale-read window, a call of it answers from the activation's
/// memory if that state was loaded or committed within the window, instead of first re-checking
/// the stored version (a database round trip, and the activation's turn held meanwhile). Hot reads
/// (settings, credentials, routing) use it; reads an operator acts on at once (listings after a
/// change) do not. A turn that changes state is always checked.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class StaleReadAttribute : Attribute;
