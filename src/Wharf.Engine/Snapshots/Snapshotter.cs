using System.Globalization;
using Microsoft.Data.Sqlite;
using Wharf.Core.Errors;
using Wharf.Engine.Filesystem;
using Wharf.Engine.Layers;
using Wharf.Engine.Metadata;

namespace Wharf.Engine.Snapshots;

/// <summary>
/// What both snapshot drivers share: metadata (key → id, parent, kind) in SQLite and one directory per snapshot,
/// <c>&lt;DataRoot&gt;/snapshots/&lt;id&gt;/</c>. Metadata changes are transactions, so a key either names a
/// complete snapshot or nothing; directories without a row (a crash between the two) are removed by <see cref="Cleanup"/>.
/// </summary>
public abstract class Snapshotter : ISnapshotter
{
    private readonly MetadataDatabase _database;
    private readonly string _driver;

    private protected Snapshotter(string root, MetadataDatabase database, string driver)
    {
        Root = Path.GetFullPath(root);
        _database = database;
        _driver = driver;
        Directory.CreateDirectory(Root);
    }

    /// <summary>The directory holding one subdirectory per snapshot ID.</summary>
    public string Root { get; }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract WhiteoutMode WhiteoutMode { get; }

    /// <summary>The directory of snapshot <paramref name="id"/>.</summary>
    protected string SnapshotDirectory(long id) => Path.Combine(Root, id.ToString(CultureInfo.InvariantCulture));

    /// <summary>The file tree of snapshot <paramref name="id"/>.</summary>
    protected string FsDirectory(long id) => Path.Combine(SnapshotDirectory(id), "fs");

    /// <inheritdoc />
    public bool Exists(string name) => Stat(name) is { Kind: SnapshotKind.Committed };

    /// <inheritdoc />
    public SnapshotInfo? Stat(string keyOrName) => _database.Read(c => Get(c, null, keyOrName));

    /// <inheritdoc />
    public IReadOnlyList<Mount> Prepare(string key, string? parent) => Create(key, parent, readOnly: false);

    /// <inheritdoc />
    public IReadOnlyList<Mount> View(string key, string? parent) => Create(key, parent, readOnly: true);

    /// <inheritdoc />
    public IReadOnlyList<Mount> Mounts(string key)
    {
        var info = Stat(key) ?? throw new NotFoundException($"snapshot {key} does not exist");
        if (info.Kind != SnapshotKind.Active)
        {
            throw new InvalidArgumentException($"snapshot {key} is committed; prepare an active snapshot on top of it to mount it");
        }
        return BuildMounts(info, ParentChain(info), IsReadOnly(info));
    }

    /// <inheritdoc />
    public string UpperDirectory(string key)
    {
        var info = Stat(key) ?? throw new NotFoundException($"snapshot {key} does not exist");
        return FsDirectory(info.Id);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> LowerDirectories(string key)
    {
        var info = Stat(key) ?? throw new NotFoundException($"snapshot {key} does not exist");
        return WhiteoutMode == WhiteoutMode.Overlay ? ParentChain(info).Select(p => FsDirectory(p.Id)).ToList() : [];
    }

    /// <inheritdoc />
    public void Commit(string name, string key)
    {
        var info = Stat(key) ?? throw new NotFoundException($"snapshot {key} does not exist");
        if (info.Kind != SnapshotKind.Active)
        {
            throw new InvalidArgumentException($"snapshot {key} is not active");
        }
        var size = DiskUsage.Of(FsDirectory(info.Id));
        OnCommitting(info);
        _database.Write((c, t) =>
        {
            if (Get(c, t, name) is not null)
            {
                throw new ConflictException($"snapshot {name} already exists");
            }
            using var update = Command(c, t, "UPDATE snapshots SET key = $name, kind = 'committed', size = $size, created = $created WHERE id = $id AND kind = 'active'");
            update.Parameters.AddWithValue("$name", name);
            update.Parameters.AddWithValue("$size", size);
            update.Parameters.AddWithValue("$created", DateTimeOffset.UtcNow.ToString("O"));
            update.Parameters.AddWithValue("$id", info.Id);
            if (update.ExecuteNonQuery() != 1)
            {
                throw new NotFoundException($"snapshot {key} does not exist");
            }
        });
    }

    /// <inheritdoc />
    public void Remove(string keyOrName)
    {
        var info = _database.Write((c, t) =>
        {
            var found = Get(c, t, keyOrName) ?? throw new NotFoundException($"snapshot {keyOrName} does not exist");
            using var children = Command(c, t, "SELECT COUNT(*) FROM snapshots WHERE parent_id = $id");
            children.Parameters.AddWithValue("$id", found.Id);
            if ((long)children.ExecuteScalar()! > 0)
            {
                throw new ConflictException($"cannot remove snapshot {keyOrName}: it has children");
            }
            using var delete = Command(c, t, "DELETE FROM snapshots WHERE id = $id");
            delete.Parameters.AddWithValue("$id", found.Id);
            delete.ExecuteNonQuery();
            return found;
        });
        // The row is gone first: a crash now leaves only an orphan directory, which Cleanup removes.
        DeleteDirectory(SnapshotDirectory(info.Id));
    }

    /// <inheritdoc />
    public IReadOnlyList<string> List() => All().Select(s => s.Key).ToList();

    /// <summary>Every snapshot of this driver.</summary>
    public IReadOnlyList<SnapshotInfo> All() => _database.Read(c =>
    {
        using var query = Command(c, null, Select + " WHERE s.driver = $driver ORDER BY s.id");
        query.Parameters.AddWithValue("$driver", _driver);
        return ReadAll(query);
    });

    /// <inheritdoc />
    public long Usage(string keyOrName)
    {
        var info = Stat(keyOrName) ?? throw new NotFoundException($"snapshot {keyOrName} does not exist");
        return DiskUsage.Of(FsDirectory(info.Id));
    }

    /// <inheritdoc />
    public int Cleanup()
    {
        var known = _database.Read(c =>
        {
            using var query = Command(c, null, "SELECT id FROM snapshots");
            using var reader = query.ExecuteReader();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0).ToString(CultureInfo.InvariantCulture));
            }
            return ids;
        });
        var removed = 0;
        foreach (var directory in Directory.EnumerateDirectories(Root))
        {
            if (!known.Contains(Path.GetFileName(directory)))
            {
                DeleteDirectory(directory);
                removed++;
            }
        }
        return removed;
    }

    /// <summary>Creates the snapshot's directories (and, for vfs, its copy of the parent) once its row exists.</summary>
    private protected abstract void CreateDirectories(SnapshotInfo snapshot, IReadOnlyList<SnapshotInfo> parents);

    /// <summary>How to mount an active snapshot over its committed parents (nearest parent first).</summary>
    private protected abstract IReadOnlyList<Mount> BuildMounts(SnapshotInfo snapshot, IReadOnlyList<SnapshotInfo> parents, bool readOnly);

    /// <summary>Last chance to tidy an active snapshot before it becomes immutable.</summary>
    private protected virtual void OnCommitting(SnapshotInfo snapshot)
    {
    }

    private IReadOnlyList<Mount> Create(string key, string? parent, bool readOnly)
    {
        var kind = readOnly ? "view" : "active";
        var info = _database.Write((c, t) =>
        {
            if (Get(c, t, key) is not null)
            {
                throw new ConflictException($"snapshot {key} already exists");
            }
            long? parentId = null;
            if (parent is not null)
            {
                var parentInfo = Get(c, t, parent);
                if (parentInfo is not { Kind: SnapshotKind.Committed })
                {
                    throw new NotFoundException($"parent snapshot {parent} does not exist");
                }
                parentId = parentInfo.Id;
            }
            using var insert = Command(c, t, "INSERT INTO snapshots (driver, key, parent_id, kind, created) VALUES ($driver, $key, $parent, $kind, $created) RETURNING id");
            insert.Parameters.AddWithValue("$driver", _driver);
            insert.Parameters.AddWithValue("$key", key);
            insert.Parameters.AddWithValue("$parent", (object?)parentId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$kind", kind);
            insert.Parameters.AddWithValue("$created", DateTimeOffset.UtcNow.ToString("O"));
            insert.ExecuteScalar();
            return Get(c, t, key)!;
        });
        try
        {
            var parents = ParentChain(info);
            CreateDirectories(info, parents);
            return BuildMounts(info, parents, readOnly);
        }
        catch
        {
            try
            {
                Remove(key);
            }
            catch (WharfException)
            {
            }
            throw;
        }
    }

    private bool IsReadOnly(SnapshotInfo info) => _database.Read(c =>
    {
        using var query = Command(c, null, "SELECT kind FROM snapshots WHERE id = $id");
        query.Parameters.AddWithValue("$id", info.Id);
        return (string?)query.ExecuteScalar() == "view";
    });

    /// <summary>Committed ancestors of <paramref name="info"/>, nearest first.</summary>
    private IReadOnlyList<SnapshotInfo> ParentChain(SnapshotInfo info) => _database.Read(c =>
    {
        var chain = new List<SnapshotInfo>();
        var current = info.Parent;
        while (current is not null)
        {
            var parent = Get(c, null, current) ?? throw new NotFoundException($"parent snapshot {current} does not exist");
            chain.Add(parent);
            current = parent.Parent;
        }
        return chain;
    });

    private const string Select = "SELECT s.id, s.key, p.key, s.kind, s.created, s.size FROM snapshots s LEFT JOIN snapshots p ON p.id = s.parent_id";

    private SnapshotInfo? Get(SqliteConnection connection, SqliteTransaction? transaction, string key)
    {
        using var query = Command(connection, transaction, Select + " WHERE s.driver = $driver AND s.key = $key");
        query.Parameters.AddWithValue("$driver", _driver);
        query.Parameters.AddWithValue("$key", key);
        return ReadAll(query).FirstOrDefault();
    }

    private static List<SnapshotInfo> ReadAll(SqliteCommand query)
    {
        using var reader = query.ExecuteReader();
        var result = new List<SnapshotInfo>();
        while (reader.Read())
        {
            result.Add(new SnapshotInfo
            {
                Id = reader.GetInt64(0),
                Key = reader.GetString(1),
                Parent = reader.IsDBNull(2) ? null : reader.GetString(2),
                Kind = reader.GetString(3) == "committed" ? SnapshotKind.Committed : SnapshotKind.Active,
                Created = DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                Size = reader.GetInt64(5),
            });
        }
        return result;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Where removed snapshots' directories go to be deleted off the caller's path; null deletes them in place.</summary>
    public DeferredDeleter? Deleter { get; set; }

    private protected void DeleteDirectory(string directory)
    {
        if (Deleter is { } deleter)
        {
            deleter.Delete(directory);
        }
        else
        {
            DeferredDeleter.DeleteTree(directory);
        }
    }
}
