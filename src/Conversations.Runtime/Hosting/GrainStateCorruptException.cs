namespace Conversations.Runtime.Hosting;

/// <summary>A stored state row cannot be read as the grain's state type; the message names the grain.</summary>
public sealed class GrainStateCorruptException : Exception
{
    public GrainStateCorruptException()
    {
    }

    public GrainStateCorruptException(string message) : base(message)
    {
    }

    public GrainStateCorruptException(string message, Exception inner) : base(message, inner)
    {
    }
}
