using Wharf.Engine.Networks.Linux;

namespace Wharf.Engine.Networks;

/// <summary>A container's networking as inspect, <c>ps</c>, <c>port</c> and the DNS show it.</summary>
/// <param name="Networks">Each network it is configured for, in order, with its live endpoint while running.</param>
/// <param name="Ports">Published ports while running.</param>
/// <param name="SandboxKey">Its network namespace path while running (empty otherwise).</param>
public sealed record ContainerNetworkView(IReadOnlyList<ContainerNetworkEntry> Networks, IReadOnlyList<PublishedPort> Ports, string SandboxKey);
