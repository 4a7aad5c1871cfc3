using Wharf.Engine.Metadata;

namespace Wharf.Engine.Containers;

/// <summary>SQLite schema of the container store.</summary>
public static class ContainerSchema
{
    /// <summary>Migrations to pass to <see cref="MetadataDatabase"/>.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new("containers-001", """
            CREATE TABLE containers (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                image_id TEXT NOT NULL,
                image TEXT NOT NULL,
                created_ns INTEGER NOT NULL,
                config TEXT NOT NULL,
                host_config TEXT NOT NULL,
                path TEXT NOT NULL,
                args TEXT NOT NULL,
                status TEXT NOT NULL,
                pid INTEGER NOT NULL DEFAULT 0,
                exit_code INTEGER NOT NULL DEFAULT 0,
                error TEXT NOT NULL DEFAULT '',
                started_ns INTEGER,
                finished_ns INTEGER,
                oom_killed INTEGER NOT NULL DEFAULT 0,
                conmon_pid INTEGER NOT NULL DEFAULT 0,
                restart_count INTEGER NOT NULL DEFAULT 0,
                log_path TEXT NOT NULL DEFAULT '',
                hostname_path TEXT NOT NULL DEFAULT '',
                hosts_path TEXT NOT NULL DEFAULT '',
                resolv_conf_path TEXT NOT NULL DEFAULT '',
                driver TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX containers_image_id ON containers(image_id);
            """),
        new("containers-002-manually-stopped", "ALTER TABLE containers ADD COLUMN manually_stopped INTEGER NOT NULL DEFAULT 0;"),
    ];
}
