namespace Conversations.Runtime.Hosting;

/// <summary>A turn kept meeting newer versions written by other nodes and gave up after the configured retries.</summary>
public sealed class GrainConflictException : Exception
{
    public GrainConflictException()
    {
    }

    public GrainConflictException(string message) : base(message)
    {
    }

    public GrainConflictException(string message, Exception inner) : base(message, inner)
    {
    }
}
