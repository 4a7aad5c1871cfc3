using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Wharf.Engine.Metadata;

namespace Wharf.Engine.Volumes;

/// <summary>The volume rows, their references (containers using them) and active mounts in SQLite; no file system work here.</summary>
internal sealed class VolumeStore(MetadataDatabase database, string volumesRoot)
{
    public string MountpointOf(string name) => Path.Combine(volumesRoot, name, "_data");

    public VolumeRecord? Get(string name) => database.Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT name, driver, created, labels, options FROM volumes WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadRecord(reader) : null;
    });

    public IReadOnlyList<VolumeRecord> List() => database.Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT name, driver, created, labels, options FROM volumes ORDER BY name";
        using var reader = command.ExecuteReader();
        var list = new List<VolumeRecord>();
        while (reader.Read())
        {
            list.Add(ReadRecord(reader));
        }
        return (IReadOnlyList<VolumeRecord>)list;
    });

    /// <summary>Inserts <paramref name="record"/>; false when the name is taken.</summary>
    public bool TryInsert(VolumeRecord record) => database.Write((c, t) =>
    {
        using var command = c.CreateCommand();
        command.Transaction = t;
        command.CommandText = """
            INSERT OR IGNORE INTO volumes (name, driver, created, labels, options, anonymous)
            VALUES ($name, $driver, $created, $labels, $options, $anonymous)
            """;
        command.Parameters.AddWithValue("$name", record.Name);
        command.Parameters.AddWithValue("$driver", record.Driver);
        command.Parameters.AddWithValue("$created", record.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$labels", ToJson(record.Labels));
        command.Parameters.AddWithValue("$options", ToJson(record.Options));
        command.Parameters.AddWithValue("$anonymous", record.Anonymous ? 1 : 0);
        return command.ExecuteNonQuery() == 1;
    });

    public void Delete(string name) => database.Write((c, t) => Execute(c, t, "DELETE FROM volumes WHERE name = $name", ("$name", name)));

    public IReadOnlyList<string> Refs(string name) => Strings("SELECT container_id FROM volume_refs WHERE volume = $v ORDER BY created, container_id", name);

    public IReadOnlyList<string> Mounts(string name) => Strings("SELECT container_id FROM volume_mounts WHERE volume = $v ORDER BY container_id", name);

    public IReadOnlyList<string> VolumesReferencedBy(string containerId) =>
        Strings("SELECT volume FROM volume_refs WHERE container_id = $v UNION SELECT volume FROM volume_mounts WHERE container_id = $v", containerId);

    public IReadOnlyList<string> ReferencingContainers() =>
        Strings("SELECT container_id FROM volume_refs UNION SELECT container_id FROM volume_mounts", null);

    public Dictionary<string, int> RefCounts() => database.Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT volume, COUNT(*) FROM volume_refs GROUP BY volume";
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }
        return counts;
    });

    /// <summary>Records that <paramref name="containerId"/> uses <paramref name="name"/>; false when the volume row is gone.</summary>
    public bool AddRef(string name, string containerId, bool mounted) => database.Write((c, t) =>
    {
        if (!Exists(c, t, name))
        {
            return false;
        }
        Execute(c, t, "INSERT OR IGNORE INTO volume_refs (volume, container_id, created) VALUES ($v, $c, $at)",
            ("$v", name), ("$c", containerId), ("$at", DateTimeOffset.UtcNow.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
        if (mounted)
        {
            Execute(c, t, "INSERT OR IGNORE INTO volume_mounts (volume, container_id) VALUES ($v, $c)", ("$v", name), ("$c", containerId));
        }
        return true;
    });

    public void RemoveMount(string name, string containerId) =>
        database.Write((c, t) => Execute(c, t, "DELETE FROM volume_mounts WHERE volume = $v AND container_id = $c", ("$v", name), ("$c", containerId)));

    public void RemoveRef(string name, string containerId) => database.Write((c, t) =>
    {
        Execute(c, t, "DELETE FROM volume_mounts WHERE volume = $v AND container_id = $c", ("$v", name), ("$c", containerId));
        Execute(c, t, "DELETE FROM volume_refs WHERE volume = $v AND container_id = $c", ("$v", name), ("$c", containerId));
    });

    private static bool Exists(SqliteConnection c, SqliteTransaction t, string name)
    {
        using var command = c.CreateCommand();
        command.Transaction = t;
        command.CommandText = "SELECT COUNT(*) FROM volumes WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return (long)command.ExecuteScalar()! > 0;
    }

    private IReadOnlyList<string> Strings(string sql, string? parameter) => database.Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("$v", parameter);
        }
        using var reader = command.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
        {
            list.Add(reader.GetString(0));
        }
        return (IReadOnlyList<string>)list;
    });

    private static void Execute(SqliteConnection c, SqliteTransaction t, string sql, params (string Name, string Value)[] parameters)
    {
        using var command = c.CreateCommand();
        command.Transaction = t;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.ExecuteNonQuery();
    }

    private VolumeRecord ReadRecord(SqliteDataReader reader)
    {
        var name = reader.GetString(0);
        return new VolumeRecord
        {
            Name = name,
            Driver = reader.GetString(1),
            CreatedAt = DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            Labels = FromJson(reader.GetString(3)),
            Options = FromJson(reader.GetString(4)),
            Mountpoint = MountpointOf(name),
        };
    }

    private static string ToJson(IReadOnlyDictionary<string, string> map) =>
        JsonSerializer.Serialize(new Dictionary<string, string>(map, StringComparer.Ordinal), VolumeJsonContext.Default.DictionaryStringString);

    private static Dictionary<string, string> FromJson(string json) =>
        JsonSerializer.Deserialize(json, VolumeJsonContext.Default.DictionaryStringString) ?? [];
}
