namespace Wharf.Engine.Networks;

/// <summary>One network of a container: the network, what was requested, and the live endpoint (null while stopped).</summary>
public sealed record ContainerNetworkEntry(string Name, string NetworkId, EndpointRequest? Request, NetworkEndpoint? Endpoint);
