namespace Conversations.Runtime.Grains;

/// <summary>Gets a reference to a grain. The grain exists virtually; the first call activates it.</summary>
public interface IGrainFactory
{
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrain;
}
