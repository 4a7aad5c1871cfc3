namespace Wharf.Engine.Networks.Ports;

/// <summary>One <c>HostConfig.PortBindings</c> entry: host address (empty = all) and host port or range (empty = ephemeral).</summary>
public sealed record PortBindingRequest(string HostIp = "", string HostPort = "");
