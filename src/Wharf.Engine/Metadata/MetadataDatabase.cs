using Microsoft.Data.Sqlite;

namespace Wharf.Engine.Metadata;

/// <summary>
/// The SQLite database (WAL) that holds all of the engine's metadata. Each store registers its
/// schema as an ordered list of migrations; every write goes through a transaction so a crash
/// leaves either the old or the new state.
/// </summary>
public sealed class MetadataDatabase : IDisposable
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> s_configured = new();
    private static readonly object s_marker = new();
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and applies <paramref name="migrations"/>.</summary>
    public MetadataDatabase(string path, IEnumerable<SchemaMigration> migrations)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Migrate(connection, migrations);
    }

    /// <summary>Opens a connection with foreign keys on and a busy timeout.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // The settings belong to the native connection, which the pool hands out again and again: set them once per handle
        // (a `run` opens ~20 connections; three PRAGMA statements each were ~1 ms of the daemon's CPU per `run`).
        if (connection.Handle is { } handle && s_configured.TryAdd(handle, s_marker))
        {
            Execute(connection, "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;");
        }
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> inside one write transaction; writers are serialised in-process.</summary>
    public T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        _writeLock.Wait();
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> inside one write transaction.</summary>
    public void Write(Action<SqliteConnection, SqliteTransaction> work) => Write<object?>((c, t) =>
    {
        work(c, t);
        return null;
    });

    /// <summary>Runs a read on its own connection (WAL readers never block the writer).</summary>
    public T Read<T>(Func<SqliteConnection, T> work)
    {
        using var connection = Open();
        return work(connection);
    }

    private static void Migrate(SqliteConnection connection, IEnumerable<SchemaMigration> migrations)
    {
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL);");
        foreach (var migration in migrations)
        {
            using var transaction = connection.BeginTransaction();
            using var check = connection.CreateCommand();
            check.Transaction = transaction;
            check.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE id = $id";
            check.Parameters.AddWithValue("$id", migration.Id);
            if ((long)check.ExecuteScalar()! == 0)
            {
                using var apply = connection.CreateCommand();
                apply.Transaction = transaction;
                apply.CommandText = migration.Sql;
                apply.ExecuteNonQuery();
                using var record = connection.CreateCommand();
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (id, applied_at) VALUES ($id, $at)";
                record.Parameters.AddWithValue("$id", migration.Id);
                record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
                record.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writeLock.Dispose();
        SqliteConnection.ClearAllPools();
    }
}

/// <summary>One schema step, applied once and recorded by <paramref name="Id"/> (e.g. <c>images-001</c>).</summary>
public sealed record SchemaMigration(string Id, string Sql);
