using Wharf.Engine.Metadata;

namespace Wharf.Engine.Images;

/// <summary>The image tables; pass <see cref="Migrations"/> to <see cref="MetadataDatabase"/>.</summary>
public static class ImageSchema
{
    /// <summary>Schema steps, in order.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new("images-001", """
            CREATE TABLE images (
                id TEXT PRIMARY KEY,
                config BLOB NOT NULL,
                created TEXT NOT NULL,
                size INTEGER NOT NULL,
                parent TEXT NULL,
                chain_ids TEXT NOT NULL,
                stored_at TEXT NOT NULL
            );
            CREATE TABLE image_refs (
                ref TEXT PRIMARY KEY,
                image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                created TEXT NOT NULL
            );
            CREATE INDEX image_refs_image ON image_refs(image_id);
            CREATE TABLE image_layers (
                chain_id TEXT PRIMARY KEY,
                diff_id TEXT NOT NULL,
                size INTEGER NOT NULL
            );
            """),
    ];

    /// <summary>Every migration the storage side needs (images and snapshots), for the composition root.</summary>
    public static IReadOnlyList<SchemaMigration> AllStorageMigrations { get; } =
        [.. Snapshots.SnapshotSchema.Migrations, .. Migrations];
}
