namespace Conversations.Runtime.Storage;

public enum CommitKind
{
    /// <summary>Write the payload as the next version.</summary>
    Write,

    /// <summary>Write a tombstone as the next version.</summary>
    Clear,

    /// <summary>Change no state; only check the version is current (and commit the timer ack and effects).</summary>
    Verify,
}
