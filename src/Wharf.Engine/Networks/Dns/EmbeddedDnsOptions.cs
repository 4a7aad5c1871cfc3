namespace Wharf.Engine.Networks.Dns;

/// <summary>Settings of the embedded DNS server.</summary>
public sealed record EmbeddedDnsOptions
{
    /// <summary>Port the listeners bind on each network's gateway (53; tests use another).</summary>
    public int Port { get; init; } = 53;

    /// <summary>The host resolver configuration whose nameservers receive forwarded queries and whose search domains are stripped.</summary>
    public string ResolvConfPath { get; init; } = "/etc/resolv.conf";

    /// <summary>Port of the upstream nameservers (resolv.conf cannot say; 53, tests use another).</summary>
    public int UpstreamPort { get; init; } = 53;

    /// <summary>How long one upstream gets to answer a forwarded query.</summary>
    public TimeSpan ForwardTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>At most this many upstream servers are tried per query.</summary>
    public int MaxUpstreamAttempts { get; init; } = 3;

    /// <summary>Queries handled at once per network; more UDP queries are dropped (the client retries).</summary>
    public int MaxConcurrentQueries { get; init; } = 64;

    /// <summary>TCP connections served at once per network.</summary>
    public int MaxTcpConnections { get; init; } = 16;

    /// <summary>An idle TCP connection is closed after this long.</summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest UDP payload this server advertises in EDNS responses.</summary>
    public ushort UdpPayloadSize { get; init; } = 1232;
}
