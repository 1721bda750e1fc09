namespace Conversations.Runtime.Grains;

/// <summary>
/// Marks a grain contract: an interface of async methods (returning <see cref="Task"/>,
/// <see cref="Task{TResult}"/>, <see cref="ValueTask"/> or <see cref="ValueTask{TResult}"/>), addressed
/// by a string key — the shape of Orleans' <c>IGrainWithStringKey</c>, so hosting on Orleans
/// later is an adapter.
/// </summary>
#pragma warning disable CA1040 // A marker interface is the point: it is how a contract says it is a grain.
public interface IGrain;
#pragma warning restore CA1040
