namespace Wharf.Engine.Containers;

/// <summary>What a container's <c>/etc/hosts</c> and <c>/etc/resolv.conf</c> are generated from.</summary>
public sealed record ContainerNetworkFiles
{
    /// <summary>Container host name.</summary>
    public required string Hostname { get; init; }

    /// <summary><c>--domainname</c> (may be empty).</summary>
    public string Domainname { get; init; } = "";

    /// <summary>Network mode (<c>host</c> copies the host's files).</summary>
    public string NetworkMode { get; init; } = "";

    /// <summary>The container's own addresses (first network first); the host name maps to them.</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [];

    /// <summary>The embedded DNS server's address when the container is on a user-defined network, else null.</summary>
    public string? EmbeddedDnsServer { get; init; }

    /// <summary><c>--dns</c>.</summary>
    public IReadOnlyList<string> Dns { get; init; } = [];

    /// <summary><c>--dns-search</c> (<c>.</c> alone means no search domains).</summary>
    public IReadOnlyList<string> DnsSearch { get; init; } = [];

    /// <summary><c>--dns-option</c>.</summary>
    public IReadOnlyList<string> DnsOptions { get; init; } = [];

    /// <summary><c>--add-host</c> entries with <c>host-gateway</c> already replaced, then legacy <c>--link</c> entries.</summary>
    public IReadOnlyList<HostsEntry> ExtraHosts { get; init; } = [];
}
