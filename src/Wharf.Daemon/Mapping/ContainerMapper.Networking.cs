using System.Globalization;
using Wharf.Engine.Containers;
using Wharf.Engine.Networks;
using Wharf.Engine.Networks.Ports;
using Wire = Wharf.Api.Models;

namespace Wharf.Daemon.Mapping;

public static partial class ContainerMapper
{
    /// <summary><c>HostConfig.PortBindings</c> as the engine stores them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<PortBindingRequest>>? ToEnginePortBindings(Dictionary<string, List<Wire.PortBinding>?>? bindings) =>
        bindings is not { Count: > 0 }
            ? null
            : bindings.ToDictionary(b => b.Key, b => (IReadOnlyList<PortBindingRequest>)(b.Value ?? []).Select(p => new PortBindingRequest(p.HostIp ?? "", p.HostPort ?? "")).ToList());

    /// <summary><c>NetworkingConfig.EndpointsConfig</c> as the engine's requested endpoints.</summary>
    public static IReadOnlyList<EndpointRequest>? ToEngineEndpoints(Wire.NetworkingConfig? config) =>
        config?.EndpointsConfig is not { Count: > 0 } endpoints
            ? null
            : endpoints.Select(e => ToEngineEndpoint(e.Key, e.Value)).ToList();

    /// <summary>One endpoint config (create body or <c>network connect</c>).</summary>
    public static EndpointRequest ToEngineEndpoint(string network, Wire.EndpointSettings? settings) => new()
    {
        Network = network,
        Aliases = settings?.Aliases?.Where(a => a.Length > 0).ToList() ?? [],
        IPv4Address = string.IsNullOrEmpty(settings?.IpamConfig?.IPv4Address) ? null : settings.IpamConfig.IPv4Address,
        MacAddress = string.IsNullOrEmpty(settings?.MacAddress) ? null : settings.MacAddress,
    };

    private static Dictionary<string, List<Wire.PortBinding>?> ToWirePortBindings(IReadOnlyDictionary<string, IReadOnlyList<PortBindingRequest>>? bindings) =>
        (bindings ?? new Dictionary<string, IReadOnlyList<PortBindingRequest>>()).ToDictionary(
            b => b.Key, b => (List<Wire.PortBinding>?)b.Value.Select(p => new Wire.PortBinding { HostIp = p.HostIp, HostPort = p.HostPort }).ToList());

    private static Wire.NetworkSettings ToNetworkSettings(ContainerRecord c, ContainerNetworkView? view)
    {
        var settings = new Wire.NetworkSettings
        {
            SandboxKey = view is { SandboxKey.Length: > 0 } ? view.SandboxKey
                : c.State.Pid > 0 && c.HostConfig.NetworkMode != "host" ? $"/proc/{c.State.Pid}/ns/net" : "",
            SandboxId = view is { SandboxKey.Length: > 0 } ? c.Id : "",
            Networks = Networks(c, view),
        };
        if (c.State.Running)
        {
            foreach (var port in c.Config.ExposedPorts ?? [])
            {
                settings.Ports[NormalizeKey(port)] = null;
            }
            foreach (var group in (view?.Ports ?? []).GroupBy(p => $"{p.ContainerPort}/{p.Protocol}"))
            {
                settings.Ports[group.Key] = group.Select(p => new Wire.PortBinding
                {
                    HostIp = p.HostIp ?? "0.0.0.0",
                    HostPort = p.HostPort.ToString(CultureInfo.InvariantCulture),
                }).ToList();
            }
        }
        if (settings.Networks.TryGetValue(NetworkDrivers.Bridge, out var bridge) && bridge.IpAddress.Length > 0)
        {
            settings.EndpointId = bridge.EndpointId;
            settings.Gateway = bridge.Gateway;
            settings.IpAddress = bridge.IpAddress;
            settings.IpPrefixLen = bridge.IpPrefixLen;
            settings.MacAddress = bridge.MacAddress;
        }
        return settings;
    }

    private static Dictionary<string, Wire.EndpointSettings> Networks(ContainerRecord c, ContainerNetworkView? view)
    {
        var mode = c.HostConfig.NetworkMode;
        if (view is null)
        {
            return string.IsNullOrEmpty(mode) || mode.StartsWith("container:", StringComparison.Ordinal)
                ? []
                : new Dictionary<string, Wire.EndpointSettings> { [mode] = new Wire.EndpointSettings { NetworkId = mode } };
        }
        var result = new Dictionary<string, Wire.EndpointSettings>();
        foreach (var entry in view.Networks)
        {
            var request = entry.Request;
            var endpoint = entry.Endpoint;
            var userDefined = entry.Name is not (NetworkDrivers.Bridge or NetworkDrivers.Host or NetworkDrivers.NoneNetwork);
            result[entry.Name] = new Wire.EndpointSettings
            {
                IpamConfig = string.IsNullOrEmpty(request?.IPv4Address) ? null : new Wire.EndpointIpamConfig { IPv4Address = request.IPv4Address },
                Aliases = request is { Aliases.Count: > 0 } ? request.Aliases.ToList() : null,
                MacAddress = endpoint?.MacAddress ?? "",
                NetworkId = entry.NetworkId,
                EndpointId = endpoint?.Id ?? "",
                Gateway = endpoint?.Gateway ?? "",
                IpAddress = endpoint?.IPAddress ?? "",
                IpPrefixLen = endpoint?.PrefixLength ?? 0,
                DnsNames = userDefined && endpoint is not null ? [c.Name, c.Id[..12], .. request?.Aliases ?? []] : null,
            };
        }
        return result;
    }

    private static List<Wire.Port> SummaryPorts(ContainerRecord c, ContainerNetworkView? view)
    {
        var published = view?.Ports ?? [];
        var list = published
            .Select(p => new Wire.Port { Ip = p.HostIp ?? "0.0.0.0", PrivatePort = p.ContainerPort, PublicPort = p.HostPort, Type = p.Protocol })
            .ToList();
        foreach (var exposed in c.Config.ExposedPorts ?? [])
        {
            var (protocol, port) = TryParseKey(exposed);
            if (port > 0 && !published.Any(p => p.ContainerPort == port && p.Protocol == protocol))
            {
                list.Add(new Wire.Port { PrivatePort = port, Type = protocol });
            }
        }
        return list;
    }

    private static string NormalizeKey(string exposed)
    {
        var (protocol, port) = TryParseKey(exposed);
        return port > 0 ? $"{port}/{protocol}" : exposed;
    }

    private static (string Protocol, int Port) TryParseKey(string exposed)
    {
        var slash = exposed.IndexOf('/');
        var number = slash < 0 ? exposed : exposed[..slash];
        _ = int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var port);
        return (slash < 0 ? "tcp" : exposed[(slash + 1)..], port);
    }
}
