namespace Wharf.Engine.Networks.Linux;

/// <summary>A bridge network as the firewall sees it: its Linux bridge, its subnets, and whether it may reach outside.</summary>
public sealed record FirewallBridge(string Bridge, IReadOnlyList<string> Subnets, bool Internal);
