using Wharf.Engine.Networks.Ipam;

namespace Wharf.Engine.Networks;

public sealed partial class NetworkService
{
    /// <summary>The embedded DNS server, when the engine runs one; user-defined networks get a listener on their gateway.</summary>
    public INetworkDns? Dns { get; set; }

    private void DnsAddNetwork(NetworkRecord network)
    {
        if (Dns is not null && !network.Predefined && network.BridgeName is not null && network.Ipam.Count > 0)
        {
            try
            {
                Dns.AddNetwork(network.Id, Ipv4Address.Format(network.Ipam[0].EffectiveGateway));
            }
            catch (Exception e) when (e is Core.Errors.WharfException or System.Net.Sockets.SocketException)
            {
                // Without its DNS listener the network still works by address; name lookups then fail, as with a dead resolver.
            }
        }
    }

    private void DnsRemoveNetwork(NetworkRecord network)
    {
        if (Dns is not null && !network.Predefined)
        {
            Dns.RemoveNetwork(network.Id);
        }
    }
}
