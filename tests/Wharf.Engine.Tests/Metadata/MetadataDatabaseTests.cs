using Wharf.Engine.Metadata;

namespace Wharf.Engine.Tests.Metadata;

public sealed class MetadataDatabaseTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wharf-db-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void EveryConnectionHasForeignKeysABusyTimeoutAndNormalSync()
    {
        using var database = new MetadataDatabase(Path.Combine(_directory, "m.db"), []);
        // Reopen several times (pooled handles come back) and with two open at once (a second handle).
        for (var i = 0; i < 3; i++)
        {
            using var first = database.Open();
            using var second = database.Open();
            foreach (var connection in new[] { first, second })
            {
                Assert.Equal(1L, Scalar(connection, "PRAGMA foreign_keys"));
                Assert.Equal(5000L, Scalar(connection, "PRAGMA busy_timeout"));
                Assert.Equal(1L, Scalar(connection, "PRAGMA synchronous"));
            }
        }
    }

    [Fact]
    public void ForeignKeysAreEnforcedOnReusedConnections()
    {
        using var database = new MetadataDatabase(Path.Combine(_directory, "m.db"),
            [new SchemaMigration("t-001", "CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id));")]);
        for (var i = 0; i < 3; i++)
        {
            Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => database.Write((c, t) =>
            {
                using var insert = c.CreateCommand();
                insert.Transaction = t;
                insert.CommandText = "INSERT INTO child (id, parent_id) VALUES (1, 42)";
                insert.ExecuteNonQuery();
            }));
        }
    }

    private static long Scalar(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
