using System.Net;
using System.Text.Json.Nodes;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

internal static partial class ContainerOptions
{
    /// <summary>Declares the name-resolution flags that <see cref="Define"/> does not (<c>--dns</c> and <c>--add-host</c> are declared there).</summary>
    public static void DefineDns(FlagSet flags) => flags
        .List("dns-option", null, "Set DNS options")
        .List("dns-search", null, "Set custom DNS search domains")
        .String("domainname", null, "Container NIS domain name")
        .List("link", null, "Add link to another container");

    /// <summary>
    /// Checks and maps <c>--dns</c>, <c>--dns-search</c>, <c>--dns-option</c>, <c>--add-host</c>, <c>--link</c> and
    /// <c>--domainname</c> with the docker CLI's messages; links also go to the first network's endpoint, as docker does.
    /// </summary>
    public static void ApplyDns(ParsedFlags flags, JsonObject body, JsonObject hostConfig)
    {
        foreach (var server in flags.GetList("dns"))
        {
            if (!IsIPAddress(server))
            {
                throw new FormatException(VolumeMountOption.FlagError("dns", server, $"IP address is not correctly formatted: {server}"));
            }
        }
        foreach (var domain in flags.GetList("dns-search"))
        {
            var trimmed = domain.TrimEnd('.');
            if (domain != "." && (trimmed.Length is 0 or > 255 || trimmed.StartsWith('-') || trimmed.Split('.').Any(l => l.Length is 0 or > 63)))
            {
                throw new FormatException(VolumeMountOption.FlagError("dns-search", domain, $"{domain} is not a valid domain"));
            }
        }
        foreach (var extraHost in flags.GetList("add-host"))
        {
            var separator = extraHost.IndexOfAny([':', '=']);
            if (separator <= 0)
            {
                throw new FormatException(VolumeMountOption.FlagError("add-host", extraHost, $"bad format for add-host: \"{extraHost}\""));
            }
            var address = extraHost[(separator + 1)..].Trim('[', ']');
            if (address != "host-gateway" && !IsIPAddress(address))
            {
                throw new FormatException(VolumeMountOption.FlagError("add-host", extraHost, $"invalid IP address in add-host: \"{address}\""));
            }
        }
        var links = flags.GetList("link");
        foreach (var link in links)
        {
            var parts = link.Split(':');
            if (parts.Length > 2 || parts.Any(p => p.Trim('/').Length == 0))
            {
                throw new FormatException(VolumeMountOption.FlagError("link", link, $"bad format for links: {link}"));
            }
        }
        hostConfig["Dns"] = Strings(flags.GetList("dns"));
        hostConfig["DnsSearch"] = Strings(flags.GetList("dns-search"));
        hostConfig["DnsOptions"] = Strings(flags.GetList("dns-option"));
        hostConfig["ExtraHosts"] = Strings(flags.GetList("add-host").Select(h => h.Replace('=', ':')));
        if (links.Count > 0)
        {
            hostConfig["Links"] = Strings(links);
            if (body["NetworkingConfig"]?["EndpointsConfig"] is JsonObject endpoints)
            {
                foreach (var (_, endpoint) in endpoints)
                {
                    if (endpoint is JsonObject settings)
                    {
                        settings["Links"] = Strings(links);
                    }
                    break;
                }
            }
        }
        if (flags.GetStringOrNull("domainname") is { Length: > 0 } domainname)
        {
            body["Domainname"] = domainname;
        }
    }

    // Strict like Go's net.ParseIP: IPAddress.TryParse also takes "1.2.3" and "10".
    private static bool IsIPAddress(string value) =>
        IPAddress.TryParse(value, out var address)
        && (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            || (value.Split('.') is { Length: 4 } parts && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit))));
}
