using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Wharf.Engine.Metadata;
using Wharf.Engine.Networks.Ipam;

namespace Wharf.Engine.Networks;

/// <summary>Networks and their endpoints in the metadata database. Knows nothing of Linux; <see cref="NetworkService"/> adds the semantics.</summary>
public sealed partial class NetworkStore(MetadataDatabase database)
{
    private const string NetworkColumns = "id, name, driver, created, internal, attachable, options, labels, ipam, ipam_options, bridge, predefined";
    private const string EndpointColumns = "id, network_id, container_id, address, prefix, gateway, mac, host_interface, interface, aliases";

    /// <summary>The database (for callers that group writes).</summary>
    public MetadataDatabase Database => database;

    /// <summary>Every network, oldest first.</summary>
    public IReadOnlyList<NetworkRecord> List() => database.Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = $"SELECT {NetworkColumns} FROM networks ORDER BY created, name";
        return ReadNetworks(command);
    });

    /// <summary>The network with exactly this ID, or null.</summary>
    public NetworkRecord? Get(string id) => database.Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = $"SELECT {NetworkColumns} FROM networks WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return ReadNetworks(command).FirstOrDefault();
    });

    /// <summary>Stores a new network; a name clash surfaces as a <see cref="SqliteException"/> (constraint).</summary>
    public void Add(NetworkRecord network) => database.Write((c, t) => Insert(c, t, network));

    /// <summary>Inserts inside a caller's transaction.</summary>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, NetworkRecord network)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO networks ({NetworkColumns}) VALUES ($id, $name, $driver, $created, $internal, $attachable, $options, $labels, $ipam, $ipamOptions, $bridge, $predefined)";
        command.Parameters.AddWithValue("$id", network.Id);
        command.Parameters.AddWithValue("$name", network.Name);
        command.Parameters.AddWithValue("$driver", network.Driver);
        command.Parameters.AddWithValue("$created", network.Created.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$internal", network.Internal ? 1 : 0);
        command.Parameters.AddWithValue("$attachable", network.Attachable ? 1 : 0);
        command.Parameters.AddWithValue("$options", Map(network.Options));
        command.Parameters.AddWithValue("$labels", Map(network.Labels));
        command.Parameters.AddWithValue("$ipam", JsonSerializer.Serialize(network.Ipam.ToList(), NetworkJsonContext.Default.ListIpamConfig));
        command.Parameters.AddWithValue("$ipamOptions", Map(network.IpamOptions));
        command.Parameters.AddWithValue("$bridge", (object?)network.BridgeName ?? DBNull.Value);
        command.Parameters.AddWithValue("$predefined", network.Predefined ? 1 : 0);
        command.ExecuteNonQuery();
    }

    /// <summary>Deletes a network that has no endpoints; false when it has some (or is gone).</summary>
    public bool DeleteIfUnused(string id) => database.Write((c, t) =>
    {
        using var command = c.CreateCommand();
        command.Transaction = t;
        command.CommandText = "DELETE FROM networks WHERE id = $id AND NOT EXISTS (SELECT 1 FROM network_endpoints WHERE network_id = $id)";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteNonQuery() == 1;
    });

    /// <summary>Endpoints of one network, or of all networks when <paramref name="networkId"/> is null.</summary>
    public IReadOnlyList<NetworkEndpoint> Endpoints(string? networkId = null) => database.Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = $"SELECT {EndpointColumns} FROM network_endpoints" + (networkId is null ? "" : " WHERE network_id = $id") + " ORDER BY rowid";
        if (networkId is not null)
        {
            command.Parameters.AddWithValue("$id", networkId);
        }
        return ReadEndpoints(command);
    });

    /// <summary>The endpoints of one container.</summary>
    public IReadOnlyList<NetworkEndpoint> EndpointsOfContainer(string containerId) => database.Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = $"SELECT {EndpointColumns} FROM network_endpoints WHERE container_id = $id ORDER BY rowid";
        command.Parameters.AddWithValue("$id", containerId);
        return ReadEndpoints(command);
    });

    /// <summary>Stores an endpoint; <paramref name="choose"/> runs inside the write transaction with the addresses in use so two attaches never get the same address.</summary>
    public NetworkEndpoint AddEndpoint(string networkId, Func<IReadOnlySet<uint>, NetworkEndpoint> choose) => database.Write((c, t) =>
    {
        var used = new HashSet<uint>();
        using (var query = c.CreateCommand())
        {
            query.Transaction = t;
            query.CommandText = "SELECT address FROM network_endpoints WHERE network_id = $id AND address IS NOT NULL";
            query.Parameters.AddWithValue("$id", networkId);
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                used.Add(Ipv4Address.Parse(reader.GetString(0)));
            }
        }
        var endpoint = choose(used);
        using var command = c.CreateCommand();
        command.Transaction = t;
        command.CommandText = $"INSERT INTO network_endpoints ({EndpointColumns}) VALUES ($id, $network, $container, $address, $prefix, $gateway, $mac, $host, $interface, $aliases)";
        command.Parameters.AddWithValue("$id", endpoint.Id);
        command.Parameters.AddWithValue("$network", endpoint.NetworkId);
        command.Parameters.AddWithValue("$container", endpoint.ContainerId);
        command.Parameters.AddWithValue("$address", endpoint.IPAddress.Length == 0 ? DBNull.Value : endpoint.IPAddress);
        command.Parameters.AddWithValue("$prefix", endpoint.PrefixLength);
        command.Parameters.AddWithValue("$gateway", endpoint.Gateway);
        command.Parameters.AddWithValue("$mac", endpoint.MacAddress);
        command.Parameters.AddWithValue("$host", endpoint.HostInterface);
        command.Parameters.AddWithValue("$interface", endpoint.InterfaceName);
        command.Parameters.AddWithValue("$aliases", JsonSerializer.Serialize(endpoint.Aliases.ToList(), NetworkJsonContext.Default.ListString));
        command.ExecuteNonQuery();
        return endpoint;
    });

    /// <summary>Removes an endpoint (and so frees its address); false when absent.</summary>
    public bool RemoveEndpoint(string networkId, string containerId) => database.Write((c, t) =>
    {
        using var command = c.CreateCommand();
        command.Transaction = t;
        command.CommandText = "DELETE FROM network_endpoints WHERE network_id = $n AND container_id = $c";
        command.Parameters.AddWithValue("$n", networkId);
        command.Parameters.AddWithValue("$c", containerId);
        return command.ExecuteNonQuery() == 1;
    });

    private static string Map(IReadOnlyDictionary<string, string> map) =>
        JsonSerializer.Serialize(new Dictionary<string, string>(map), NetworkJsonContext.Default.DictionaryStringString);

    private static Dictionary<string, string> ReadMap(string json) =>
        JsonSerializer.Deserialize(json, NetworkJsonContext.Default.DictionaryStringString) ?? [];

    private static List<NetworkRecord> ReadNetworks(SqliteCommand command)
    {
        var list = new List<NetworkRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new NetworkRecord
            {
                Id = reader.GetString(0),
                Name = reader.GetString(1),
                Driver = reader.GetString(2),
                Created = DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                Internal = reader.GetInt64(4) != 0,
                Attachable = reader.GetInt64(5) != 0,
                Options = ReadMap(reader.GetString(6)),
                Labels = ReadMap(reader.GetString(7)),
                Ipam = JsonSerializer.Deserialize(reader.GetString(8), NetworkJsonContext.Default.ListIpamConfig) ?? [],
                IpamOptions = ReadMap(reader.GetString(9)),
                BridgeName = reader.IsDBNull(10) ? null : reader.GetString(10),
                Predefined = reader.GetInt64(11) != 0,
            });
        }
        return list;
    }

    private static List<NetworkEndpoint> ReadEndpoints(SqliteCommand command)
    {
        var list = new List<NetworkEndpoint>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new NetworkEndpoint
            {
                Id = reader.GetString(0),
                NetworkId = reader.GetString(1),
                ContainerId = reader.GetString(2),
                IPAddress = reader.IsDBNull(3) ? "" : reader.GetString(3),
                PrefixLength = (int)reader.GetInt64(4),
                Gateway = reader.GetString(5),
                MacAddress = reader.GetString(6),
                HostInterface = reader.GetString(7),
                InterfaceName = reader.GetString(8),
                Aliases = JsonSerializer.Deserialize(reader.GetString(9), NetworkJsonContext.Default.ListString) ?? [],
            });
        }
        return list;
    }
}
