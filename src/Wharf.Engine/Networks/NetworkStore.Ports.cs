using Microsoft.Data.Sqlite;
using Wharf.Engine.Networks.Linux;

namespace Wharf.Engine.Networks;

public sealed partial class NetworkStore
{
    /// <summary>Every published port of every container, with its container.</summary>
    public IReadOnlyList<(string ContainerId, PublishedPort Port)> PublishedPorts(string? containerId = null) => database.Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT container_id, protocol, host_ip, host_port, container_ip, container_port FROM published_ports"
            + (containerId is null ? "" : " WHERE container_id = $id") + " ORDER BY container_id, rowid";
        if (containerId is not null)
        {
            command.Parameters.AddWithValue("$id", containerId);
        }
        var list = new List<(string, PublishedPort)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var hostIp = reader.GetString(2);
            list.Add((reader.GetString(0), new PublishedPort(reader.GetString(1), hostIp.Length == 0 ? null : hostIp, (int)reader.GetInt64(3),
                reader.GetString(4), (int)reader.GetInt64(5))));
        }
        return (IReadOnlyList<(string, PublishedPort)>)list;
    });

    /// <summary>Replaces a container's published ports in one transaction; a host port taken meanwhile fails with a constraint error.</summary>
    public void SetPublishedPorts(string containerId, IReadOnlyList<PublishedPort> ports) => database.Write((c, t) =>
    {
        DeletePorts(c, t, containerId);
        foreach (var port in ports)
        {
            using var command = c.CreateCommand();
            command.Transaction = t;
            command.CommandText = "INSERT INTO published_ports (container_id, protocol, host_ip, host_port, container_ip, container_port) VALUES ($c, $p, $hi, $hp, $ci, $cp)";
            command.Parameters.AddWithValue("$c", containerId);
            command.Parameters.AddWithValue("$p", port.Protocol);
            command.Parameters.AddWithValue("$hi", port.HostIp ?? "");
            command.Parameters.AddWithValue("$hp", port.HostPort);
            command.Parameters.AddWithValue("$ci", port.ContainerIp);
            command.Parameters.AddWithValue("$cp", port.ContainerPort);
            command.ExecuteNonQuery();
        }
    });

    /// <summary>Drops a container's published ports; true when it had some.</summary>
    public bool RemovePublishedPorts(string containerId) => database.Write((c, t) => DeletePorts(c, t, containerId) > 0);

    private static int DeletePorts(SqliteConnection connection, SqliteTransaction transaction, string containerId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM published_ports WHERE container_id = $c";
        command.Parameters.AddWithValue("$c", containerId);
        return command.ExecuteNonQuery();
    }
}
