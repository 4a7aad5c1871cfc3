namespace Wharf.Engine.Networks;

/// <summary>The embedded DNS server as container networking drives it: one listener per user-defined network, records per container.</summary>
public interface INetworkDns
{
    /// <summary>Starts answering on <paramref name="gatewayIp"/>:53 for a user-defined network.</summary>
    void AddNetwork(string networkId, string gatewayIp);

    /// <summary>Stops answering for a network.</summary>
    void RemoveNetwork(string networkId);

    /// <summary>Adds the names (container name, short ID, aliases) a container answers to on a network.</summary>
    void AddRecords(string networkId, string containerId, IReadOnlyList<string> names, string ip);

    /// <summary>Removes a container's records on a network.</summary>
    void RemoveRecords(string networkId, string containerId);
}
