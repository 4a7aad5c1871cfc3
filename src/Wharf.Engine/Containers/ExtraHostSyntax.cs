using System.Net;
using Wharf.Core.Errors;

namespace Wharf.Engine.Containers;

/// <summary>Parsing and checking of <c>--add-host</c>, <c>--dns</c> and <c>--link</c> values with Docker's messages.</summary>
public static class ExtraHostSyntax
{
    /// <summary>The special address that stands for the host (the default bridge's gateway).</summary>
    public const string HostGateway = "host-gateway";

    /// <summary>Splits <c>name:ip</c> (or <c>name=ip</c>); the address must be an IP or <c>host-gateway</c>.</summary>
    public static (string Name, string Address) Parse(string value)
    {
        var separator = value.IndexOfAny([':', '=']);
        if (separator <= 0)
        {
            throw new InvalidArgumentException($"bad format for add-host: \"{value}\"");
        }
        var name = value[..separator];
        var address = value[(separator + 1)..].Trim('[', ']');
        if (address != HostGateway && !IsIPAddress(address))
        {
            throw new InvalidArgumentException($"invalid IP address in add-host: \"{address}\"");
        }
        return (name, address);
    }

    /// <summary>Checks <c>--dns</c> addresses.</summary>
    public static void CheckNameservers(IReadOnlyList<string>? servers)
    {
        foreach (var server in servers ?? [])
        {
            if (!IsIPAddress(server))
            {
                throw new InvalidArgumentException($"{server} is not an ip address");
            }
        }
    }

    /// <summary>A literal IPv4 (four dotted decimals) or IPv6 address, as Go's strict parser accepts; not "1.2.3" or "10".</summary>
    public static bool IsIPAddress(string value) =>
        IPAddress.TryParse(value, out var address)
        && (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            || (value.Split('.') is { Length: 4 } parts && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit))));

    /// <summary>Splits <c>name[:alias]</c> (the alias defaults to the name; leading slashes are dropped).</summary>
    public static (string Name, string Alias) ParseLink(string value)
    {
        var parts = value.Split(':');
        if (parts.Length is 0 or > 2 || parts[0].Trim('/').Length == 0 || (parts.Length == 2 && parts[1].Trim('/').Length == 0))
        {
            throw new InvalidArgumentException($"invalid link format: {value}");
        }
        var name = parts[0].Trim('/');
        var alias = parts.Length == 2 ? parts[1] : name;
        // Docker stores links as "/child:/parent/alias"; keep only the last path element of the alias.
        alias = alias.TrimEnd('/');
        alias = alias[(alias.LastIndexOf('/') + 1)..];
        return (name, alias);
    }
}
