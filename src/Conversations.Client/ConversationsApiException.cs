using System.Net;

namespace Conversations.Client;

/// <summary>The API answered with an error status; <see cref="Problem"/> holds its parsed problem body.</summary>
public sealed class ConversationsApiException : Exception
{
    /// <summary>Creates the exception for a response with <paramref name="statusCode"/> and its <paramref name="problem"/>, if any.</summary>
    public ConversationsApiException(HttpStatusCode statusCode, ConversationsProblem? problem, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Problem = problem;
    }

    /// <summary>Creates an exception without a response (for serializers and tests).</summary>
    public ConversationsApiException()
    {
    }

    /// <summary>Creates an exception without a response (for serializers and tests).</summary>
    public ConversationsApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception without a response (for serializers and tests).</summary>
    public ConversationsApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The problem body, or <see langword="null"/> when the response had none (or not JSON).</summary>
    public ConversationsProblem? Problem { get; }

    /// <summary>The problem's stable code (e.g. <c>out_of_range</c>), if any.</summary>
    public string? Code => Problem?.Code;

    /// <summary>The problem's offending field (e.g. <c>settings.missedCloseSeconds</c>), if any.</summary>
    public string? Field => Problem?.Field;
}
