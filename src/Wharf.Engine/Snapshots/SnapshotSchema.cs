using Wharf.Engine.Metadata;

namespace Wharf.Engine.Snapshots;

/// <summary>The snapshot tables; pass <see cref="Migrations"/> to <see cref="MetadataDatabase"/>.</summary>
public static class SnapshotSchema
{
    /// <summary>Schema steps, in order.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new("snapshots-001", """
            CREATE TABLE snapshots (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                driver TEXT NOT NULL,
                key TEXT NOT NULL,
                parent_id INTEGER NULL REFERENCES snapshots(id),
                kind TEXT NOT NULL,
                created TEXT NOT NULL,
                size INTEGER NOT NULL DEFAULT 0,
                UNIQUE (driver, key)
            );
            CREATE INDEX snapshots_parent ON snapshots(parent_id);
            """),
    ];
}
