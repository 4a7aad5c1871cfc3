using System.Text.Json;
using Microsoft.Data.Sqlite;
using Wharf.Core.Errors;
using Wharf.Engine.Images;
using Wharf.Engine.Metadata;

namespace Wharf.Engine.Containers;

/// <summary>Container rows in the shared SQLite database; every write is one transaction. Resolves names and ID prefixes in Docker's order.</summary>
public sealed class ContainerStore(MetadataDatabase database) : IImageUsage
{
    private const string Columns = "id, name, image_id, image, created_ns, config, host_config, path, args, status, pid, exit_code, error, started_ns, finished_ns, oom_killed, conmon_pid, restart_count, log_path, hostname_path, hosts_path, resolv_conf_path, driver, manually_stopped";

    /// <summary>Inserts a new container; a taken name fails with Docker's conflict text.</summary>
    public void Add(ContainerRecord container) => database.Write((connection, transaction) =>
    {
        var owner = NameOwner(connection, transaction, container.Name);
        if (owner is not null)
        {
            throw NameConflict(container.Name, owner);
        }
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO containers ({Columns}) VALUES ($id, $name, $image_id, $image, $created_ns, $config, $host_config, $path, $args, $status, $pid, $exit_code, $error, $started_ns, $finished_ns, $oom_killed, $conmon_pid, $restart_count, $log_path, $hostname_path, $hosts_path, $resolv_conf_path, $driver, $manually_stopped)";
        Bind(command, container);
        command.ExecuteNonQuery();
    });

    /// <summary>Replaces the stored row of <paramref name="container"/> (matched by ID) except its name, which only <see cref="Rename"/> changes; false when the row is gone.</summary>
    public bool Update(ContainerRecord container) => database.Write((connection, transaction) =>
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE containers SET image_id=$image_id, image=$image, created_ns=$created_ns, config=$config,
                host_config=$host_config, path=$path, args=$args, status=$status, pid=$pid, exit_code=$exit_code, error=$error,
                started_ns=$started_ns, finished_ns=$finished_ns, oom_killed=$oom_killed, conmon_pid=$conmon_pid,
                restart_count=$restart_count, log_path=$log_path, hostname_path=$hostname_path, hosts_path=$hosts_path,
                resolv_conf_path=$resolv_conf_path, driver=$driver, manually_stopped=$manually_stopped
            WHERE id=$id
            """;
        Bind(command, container);
        return command.ExecuteNonQuery() == 1;
    });

    /// <summary>Gives container <paramref name="id"/> a new name; a taken name fails with Docker's conflict text.</summary>
    public void Rename(string id, string newName) => database.Write((connection, transaction) =>
    {
        var owner = NameOwner(connection, transaction, newName);
        if (owner is not null)
        {
            throw new ConflictException("Error when allocating new name: " + NameConflict(newName, owner).Message);
        }
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE containers SET name=$name WHERE id=$id";
        command.Parameters.AddWithValue("$name", newName);
        command.Parameters.AddWithValue("$id", id);
        if (command.ExecuteNonQuery() != 1)
        {
            throw new NotFoundException($"No such container: {id}");
        }
    });

    /// <summary>Deletes the row; false when it was already gone.</summary>
    public bool Delete(string id) => database.Write((connection, transaction) =>
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM containers WHERE id=$id";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteNonQuery() == 1;
    });

    /// <summary>The container with exactly this ID, or null.</summary>
    public ContainerRecord? Get(string id) => database.Read(connection => QueryOne(connection, "id=$v", id));

    /// <summary>The container with exactly this name (leading <c>/</c> optional), or null.</summary>
    public ContainerRecord? GetByName(string name) => database.Read(connection => QueryOne(connection, "name=$v", name.TrimStart('/')));

    /// <summary>
    /// Docker's lookup order: full ID, exact name (with or without <c>/</c>), unique ID prefix. Throws
    /// <see cref="InvalidArgumentException"/> for an ambiguous prefix and <see cref="NotFoundException"/> when nothing matches.
    /// </summary>
    public ContainerRecord Resolve(string nameOrId) =>
        TryResolve(nameOrId) ?? throw new NotFoundException($"No such container: {nameOrId}");

    /// <summary>Like <see cref="Resolve"/> but null when nothing matches (an ambiguous prefix still throws).</summary>
    public ContainerRecord? TryResolve(string nameOrId)
    {
        if (string.IsNullOrEmpty(nameOrId))
        {
            return null;
        }
        return database.Read(connection =>
        {
            var byId = QueryOne(connection, "id=$v", nameOrId);
            if (byId is not null)
            {
                return byId;
            }
            var byName = QueryOne(connection, "name=$v", nameOrId.StartsWith('/') ? nameOrId[1..] : nameOrId);
            if (byName is not null || !IsHexPrefix(nameOrId))
            {
                return byName;
            }
            var matches = Query(connection, "substr(id, 1, $n)=$v ORDER BY id LIMIT 2", nameOrId, ("$n", nameOrId.Length));
            return matches.Count switch
            {
                0 => null,
                1 => matches[0],
                _ => throw new InvalidArgumentException($"multiple IDs found with provided prefix: {nameOrId}"),
            };
        });
    }

    /// <summary>All containers, newest first.</summary>
    public IReadOnlyList<ContainerRecord> List() => database.Read(connection => Query(connection, "1=1 ORDER BY created_ns DESC, rowid DESC", null));

    /// <inheritdoc />
    public IReadOnlyList<string> ContainersUsing(string imageId, bool runningOnly) => database.Read(connection =>
        Query(connection, "image_id=$v ORDER BY created_ns DESC", imageId)
            .Where(c => !runningOnly || c.State.Running)
            .Select(c => c.Id)
            .ToList());

    /// <summary>Docker's text for a name that is taken.</summary>
    public static ConflictException NameConflict(string name, string ownerId) => new(
        $"Conflict. The container name \"/{name}\" is already in use by container \"{ownerId}\". You have to remove (or rename) that container to be able to reuse that name.");

    private static bool IsHexPrefix(string value) => value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    private static string? NameOwner(SqliteConnection connection, SqliteTransaction transaction, string name)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id FROM containers WHERE name=$name";
        command.Parameters.AddWithValue("$name", name);
        return command.ExecuteScalar() as string;
    }

    private static ContainerRecord? QueryOne(SqliteConnection connection, string where, string value) =>
        Query(connection, where + " LIMIT 1", value).FirstOrDefault();

    private static List<ContainerRecord> Query(SqliteConnection connection, string where, string? value, params (string Name, object Value)[] extra)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM containers WHERE {where}";
        if (value is not null)
        {
            command.Parameters.AddWithValue("$v", value);
        }
        foreach (var (name, parameter) in extra)
        {
            command.Parameters.AddWithValue(name, parameter);
        }
        using var reader = command.ExecuteReader();
        var result = new List<ContainerRecord>();
        while (reader.Read())
        {
            result.Add(ReadRecord(reader));
        }
        return result;
    }

    private static ContainerRecord ReadRecord(SqliteDataReader reader)
    {
        ContainerStatusNames.TryParse(reader.GetString(9), out var status);
        return new ContainerRecord
        {
            Id = reader.GetString(0),
            Name = reader.GetString(1),
            ImageId = reader.GetString(2),
            Image = reader.GetString(3),
            Created = FromNanoseconds(reader.GetInt64(4)),
            Config = JsonSerializer.Deserialize(reader.GetString(5), ContainerJsonContext.Default.ContainerConfig)!,
            HostConfig = JsonSerializer.Deserialize(reader.GetString(6), ContainerJsonContext.Default.ContainerHostConfig)!,
            Path = reader.GetString(7),
            Args = JsonSerializer.Deserialize(reader.GetString(8), ContainerJsonContext.Default.ListString)!,
            State = new ContainerState
            {
                Status = status,
                Pid = reader.GetInt32(10),
                ExitCode = reader.GetInt32(11),
                Error = reader.GetString(12),
                StartedAt = reader.IsDBNull(13) ? null : FromNanoseconds(reader.GetInt64(13)),
                FinishedAt = reader.IsDBNull(14) ? null : FromNanoseconds(reader.GetInt64(14)),
                OomKilled = reader.GetInt64(15) != 0,
            },
            ConmonPid = reader.GetInt32(16),
            RestartCount = reader.GetInt32(17),
            LogPath = reader.GetString(18),
            HostnamePath = reader.GetString(19),
            HostsPath = reader.GetString(20),
            ResolvConfPath = reader.GetString(21),
            Driver = reader.GetString(22),
            HasBeenManuallyStopped = reader.GetInt64(reader.GetOrdinal("manually_stopped")) != 0,
        };
    }

    private static void Bind(SqliteCommand command, ContainerRecord c)
    {
        var p = command.Parameters;
        p.AddWithValue("$id", c.Id);
        p.AddWithValue("$name", c.Name);
        p.AddWithValue("$image_id", c.ImageId);
        p.AddWithValue("$image", c.Image);
        p.AddWithValue("$created_ns", ToNanoseconds(c.Created));
        p.AddWithValue("$config", JsonSerializer.Serialize(c.Config, ContainerJsonContext.Default.ContainerConfig));
        p.AddWithValue("$host_config", JsonSerializer.Serialize(c.HostConfig, ContainerJsonContext.Default.ContainerHostConfig));
        p.AddWithValue("$path", c.Path);
        p.AddWithValue("$args", JsonSerializer.Serialize(c.Args.ToList(), ContainerJsonContext.Default.ListString));
        p.AddWithValue("$status", c.State.Status.ToDockerString());
        p.AddWithValue("$pid", c.State.Pid);
        p.AddWithValue("$exit_code", c.State.ExitCode);
        p.AddWithValue("$error", c.State.Error);
        p.AddWithValue("$started_ns", c.State.StartedAt is { } started ? ToNanoseconds(started) : DBNull.Value);
        p.AddWithValue("$finished_ns", c.State.FinishedAt is { } finished ? ToNanoseconds(finished) : DBNull.Value);
        p.AddWithValue("$oom_killed", c.State.OomKilled ? 1 : 0);
        p.AddWithValue("$conmon_pid", c.ConmonPid);
        p.AddWithValue("$restart_count", c.RestartCount);
        p.AddWithValue("$log_path", c.LogPath);
        p.AddWithValue("$hostname_path", c.HostnamePath);
        p.AddWithValue("$hosts_path", c.HostsPath);
        p.AddWithValue("$resolv_conf_path", c.ResolvConfPath);
        p.AddWithValue("$driver", c.Driver);
        p.AddWithValue("$manually_stopped", c.HasBeenManuallyStopped ? 1 : 0);
    }

    private static long ToNanoseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    private static DateTimeOffset FromNanoseconds(long nanoseconds) => DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100);
}
