using System.Net;

namespace Wharf.Api.Client;

/// <summary>The daemon answered with an error status; <see cref="Exception.Message"/> is its <c>{"message"}</c> text.</summary>
public sealed class DaemonErrorException(HttpStatusCode statusCode, string message) : Exception(message)
{
    /// <summary>The HTTP status the daemon sent.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>True for 404 responses.</summary>
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;
}
