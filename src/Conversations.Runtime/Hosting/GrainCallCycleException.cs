namespace Conversations.Runtime.Hosting;

/// <summary>
/// A turn called a grain that is already waiting further up the same call chain (A → B → A).
/// Turns are not reentrant, so the call could never run: it fails at once instead of hanging.
/// </summary>
public sealed class GrainCallCycleException : Exception
{
    public GrainCallCycleException()
    {
    }

    public GrainCallCycleException(string message) : base(message)
    {
    }

    public GrainCallCycleException(string message, Exception inner) : base(message, inner)
    {
    }
}
