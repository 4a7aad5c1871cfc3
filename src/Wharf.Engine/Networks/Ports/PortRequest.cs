namespace Wharf.Engine.Networks.Ports;

/// <summary>
/// One container port to publish: protocol, container port, host address (empty = all) and the host ports it may take
/// (<see cref="HostPortStart"/> 0 = an ephemeral port; a range = the first free one of it).
/// </summary>
public sealed record PortRequest(string Protocol, int ContainerPort, string HostIp, int HostPortStart, int HostPortEnd)
{
    /// <summary>Docker's key, e.g. <c>80/tcp</c>.</summary>
    public string Key => $"{ContainerPort}/{Protocol}";
}
