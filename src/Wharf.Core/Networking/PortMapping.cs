namespace Wharf.Core.Networking;

/// <summary>One container port and how it is published, as <c>-p</c> produces it.</summary>
/// <param name="Port">The container port with protocol, Docker's key form <c>80/tcp</c>.</param>
/// <param name="HostIp">The host address to bind, empty for all.</param>
/// <param name="HostPort">The host port, a range <c>8000-8010</c> to pick from, or empty for a random one.</param>
public sealed record PortMapping(string Port, string HostIp, string HostPort);
