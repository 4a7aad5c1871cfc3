using Wharf.Engine.Metadata;

namespace Wharf.Engine.Volumes;

/// <summary>The volume tables; pass <see cref="Migrations"/> to <see cref="MetadataDatabase"/>.</summary>
public static class VolumeSchema
{
    /// <summary>Schema steps, in order.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        // volume_refs: containers that reference a volume (blocks rm/prune); volume_mounts: containers that have it
        // mounted right now (drives mounting tmpfs/bind devices). Both live here so a crash never loses them.
        new("volumes-001", """
            CREATE TABLE volumes (
                name TEXT PRIMARY KEY,
                driver TEXT NOT NULL,
                created TEXT NOT NULL,
                labels TEXT NOT NULL,
                options TEXT NOT NULL,
                anonymous INTEGER NOT NULL
            );
            CREATE TABLE volume_refs (
                volume TEXT NOT NULL REFERENCES volumes(name) ON DELETE CASCADE,
                container_id TEXT NOT NULL,
                created TEXT NOT NULL,
                PRIMARY KEY (volume, container_id)
            );
            CREATE INDEX volume_refs_container ON volume_refs(container_id);
            CREATE TABLE volume_mounts (
                volume TEXT NOT NULL REFERENCES volumes(name) ON DELETE CASCADE,
                container_id TEXT NOT NULL,
                PRIMARY KEY (volume, container_id)
            );
            """),
    ];
}
