using Conversations.Runtime.Grains;

namespace Conversations.Runtime.TestHost;

public interface ICounterGrain : IGrain
{
    Task<long> IncrementAsync();
}
