using System.Net;
using System.Net.Sockets;

namespace Wharf.Integration.Tests.Infrastructure;

/// <summary>What network tests ask of the host: an HTTP fetch with retries, a free loopback port, the host's own address.</summary>
internal static class HostProbe
{
    public static async Task<string> Fetch(string url) =>
        await TryFetch(url, attempts: 50) ?? throw new InvalidOperationException($"no answer from {url}");

    public static async Task<string?> TryFetch(string url, int attempts)
    {
        for (var i = 0; i < attempts; i++)
        {
            var result = await ProcessRunner.RunAsync("curl", ["-sf", "--max-time", "2", url]);
            if (result.ExitCode == 0)
            {
                return result.Stdout.Trim();
            }
            if (i + 1 < attempts)
            {
                await Task.Delay(100);
            }
        }
        return null;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
    /// <summary>A global IPv4 address of the host that is not on a bridge (eth0's), if there is one.</summary>
    public static string? HostAddress()
    {
        foreach (var nic in System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces())
        {
            if (Directory.Exists($"/sys/class/net/{nic.Name}/bridge") || nic.NetworkInterfaceType == System.Net.NetworkInformation.NetworkInterfaceType.Loopback
                || nic.OperationalStatus != System.Net.NetworkInformation.OperationalStatus.Up || nic.Name.StartsWith("veth", StringComparison.Ordinal))
            {
                continue;
            }
            var address = nic.GetIPProperties().UnicastAddresses.FirstOrDefault(a => a.Address.AddressFamily == AddressFamily.InterNetwork);
            if (address is not null)
            {
                return address.Address.ToString();
            }
        }
        return null;
    }
}
