using Wharf.Engine.Metadata;

namespace Wharf.Engine.Networks;

/// <summary>The network tables; pass <see cref="Migrations"/> to <see cref="MetadataDatabase"/>.</summary>
public static class NetworkSchema
{
    /// <summary>Schema steps, in order.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new("networks-001", """
            CREATE TABLE networks (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                driver TEXT NOT NULL,
                created TEXT NOT NULL,
                internal INTEGER NOT NULL,
                attachable INTEGER NOT NULL,
                options TEXT NOT NULL,
                labels TEXT NOT NULL,
                ipam TEXT NOT NULL,
                ipam_options TEXT NOT NULL,
                bridge TEXT NULL UNIQUE,
                predefined INTEGER NOT NULL
            );
            CREATE TABLE network_endpoints (
                id TEXT PRIMARY KEY,
                network_id TEXT NOT NULL REFERENCES networks(id),
                container_id TEXT NOT NULL,
                address TEXT NULL,
                prefix INTEGER NOT NULL,
                gateway TEXT NOT NULL,
                mac TEXT NOT NULL,
                host_interface TEXT NOT NULL,
                interface TEXT NOT NULL,
                aliases TEXT NOT NULL,
                UNIQUE (network_id, container_id),
                UNIQUE (network_id, address)
            );
            CREATE INDEX network_endpoints_container ON network_endpoints(container_id);
            """),
        // Ports a running container published (ephemeral host ports resolved), so a restarted daemon rebuilds the same rules.
        new("networks-002", """
            CREATE TABLE published_ports (
                container_id TEXT NOT NULL,
                protocol TEXT NOT NULL,
                host_ip TEXT NOT NULL,
                host_port INTEGER NOT NULL,
                container_ip TEXT NOT NULL,
                container_port INTEGER NOT NULL,
                UNIQUE (protocol, host_ip, host_port)
            );
            CREATE INDEX published_ports_container ON published_ports(container_id);
            """),
    ];
}
