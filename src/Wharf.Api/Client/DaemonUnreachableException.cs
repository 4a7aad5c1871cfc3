namespace Wharf.Api.Client;

/// <summary>Nothing answered at the daemon's endpoint (socket missing, connection refused, host unreachable).</summary>
public sealed class DaemonUnreachableException(DockerEndpoint endpoint, Exception? inner = null)
    : Exception($"Cannot connect to the Wharf daemon at {endpoint}. Is the wharf daemon running?", inner)
{
    /// <summary>The endpoint that did not answer.</summary>
    public DockerEndpoint Endpoint { get; } = endpoint;
}
