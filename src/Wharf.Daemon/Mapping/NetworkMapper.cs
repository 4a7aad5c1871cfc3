using Wharf.Core.Json;
using Wharf.Engine.Networks;
using Wharf.Engine.Networks.Ipam;
using Wire = Wharf.Api.Models;

namespace Wharf.Daemon.Mapping;

/// <summary>Maps engine networks and endpoints to the network wire models, and create requests to engine options.</summary>
public static class NetworkMapper
{
    /// <summary>A network as Docker lists and inspects it; <paramref name="endpoints"/> fill <c>Containers</c>.</summary>
    public static Wire.NetworkResource ToResource(NetworkRecord network, IReadOnlyList<NetworkEndpoint>? endpoints = null,
        Func<string, string?>? containerName = null) => new()
        {
            Name = network.Name,
            Id = network.Id,
            Created = GoTime.FormatRfc3339Nano(network.Created),
            Scope = network.Scope,
            Driver = network.Driver,
            EnableIPv6 = network.EnableIPv6,
            Ipam = new Wire.NetworkIpam
            {
                Driver = "default",
                Options = network.IpamOptions.Count == 0 ? null : network.IpamOptions.ToDictionary(),
                Config = network.Ipam.Select(c => new Wire.NetworkIpamConfig { Subnet = c.Subnet, Gateway = c.Gateway, IPRange = c.IPRange }).ToList(),
            },
            Internal = network.Internal,
            Attachable = network.Attachable,
            Containers = (endpoints ?? []).ToDictionary(e => e.ContainerId, e => new Wire.NetworkContainer
            {
                Name = containerName?.Invoke(e.ContainerId) ?? "",
                EndpointId = e.Id,
                MacAddress = e.MacAddress,
                IPv4Address = e.IPv4Cidr,
            }),
            Options = network.Options.ToDictionary(),
            Labels = network.Labels.ToDictionary(),
        };

    /// <summary>The engine's create options for a request body.</summary>
    public static NetworkCreateOptions ToCreateOptions(Wire.NetworkCreateRequest request) => new()
    {
        Name = request.Name ?? "",
        Driver = request.Driver,
        Options = request.Options,
        Ipam = request.Ipam?.Config?.Select(c => new IpamConfig(c.Subnet ?? "", NullIfEmpty(c.Gateway), NullIfEmpty(c.IPRange))).ToList(),
        IpamDriver = request.Ipam?.Driver,
        IpamOptions = request.Ipam?.Options,
        Internal = request.Internal,
        Attachable = request.Attachable,
        EnableIPv6 = request.EnableIPv6 ?? false,
        Labels = request.Labels,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
