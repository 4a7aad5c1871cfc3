namespace Wharf.Engine.Networks.Linux;

/// <summary>One host port forwarded to a container address (<c>-p [HostIp:]HostPort:ContainerPort[/udp]</c>).</summary>
public sealed record PublishedPort(string Protocol, string? HostIp, int HostPort, string ContainerIp, int ContainerPort);
