namespace Conversations.Runtime.Storage;

/// <summary>Storage failed in a way the caller should see (unreachable database, corrupt row).</summary>
public sealed class GrainStorageException : Exception
{
    public GrainStorageException()
    {
    }

    public GrainStorageException(string message) : base(message)
    {
    }

    public GrainStorageException(string message, Exception inner) : base(message, inner)
    {
    }
}
