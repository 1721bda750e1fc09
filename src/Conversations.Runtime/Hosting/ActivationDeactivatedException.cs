namespace Conversations.Runtime.Hosting;

/// <summary>Internal signal: the activation found was deactivated before the call entered it; look it up again.</summary>
internal sealed class ActivationDeactivatedException : Exception
{
    public ActivationDeactivatedException()
    {
    }

    public ActivationDeactivatedException(string message) : base(message)
    {
    }

    public ActivationDeactivatedException(string message, Exception inner) : base(message, inner)
    {
    }
}
