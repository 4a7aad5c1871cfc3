using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Wharf.Core.Digests;
using Wharf.Core.Errors;
using Wharf.Core.Oci;
using Wharf.Core.References;
using Wharf.Engine.Content;
using Wharf.Engine.Metadata;
using Wharf.Engine.Snapshots;

namespace Wharf.Engine.Images;

/// <summary>
/// Image metadata in SQLite: images (ID = config digest, config bytes, layer chain, size), references (normalised
/// tag or <c>name@digest</c> → image) and unpacked layers (chain ID → DiffID, size). Knows nothing of Docker's
/// removal rules; <see cref="ImageService"/> applies those.
/// </summary>
public sealed partial class ImageStore : IImageStore
{
    private readonly MetadataDatabase _database;

    /// <summary>Creates the store over the shared database (with <see cref="ImageSchema.Migrations"/> applied), the content store for config blobs and the snapshotter holding layers.</summary>
    public ImageStore(MetadataDatabase database, ContentStore content, ISnapshotter snapshotter)
    {
        _database = database;
        Content = content;
        Snapshotter = snapshotter;
    }

    /// <summary>Where config blobs live.</summary>
    public ContentStore Content { get; }

    /// <summary>Where layers are unpacked.</summary>
    public ISnapshotter Snapshotter { get; }

    /// <inheritdoc />
    public ImageRecord Resolve(string nameOrId) =>
        TryResolve(nameOrId, throwOnInvalid: true) ?? throw new NotFoundException("No such image: " + DisplayName(nameOrId));

    /// <inheritdoc />
    public ImageRecord? TryResolve(string nameOrId) => TryResolve(nameOrId, throwOnInvalid: false);

    /// <summary>The image with this exact ID, or null.</summary>
    public ImageRecord? Get(Digest id) => _database.Read(c => Load(c, id));

    /// <inheritdoc />
    public IReadOnlyList<ImageRecord> List() => _database.Read(c =>
    {
        var refs = AllReferences(c);
        using var query = Command(c, null, "SELECT id, config, created, size, parent, chain_ids FROM images ORDER BY created DESC, id");
        using var reader = query.ExecuteReader();
        var result = new List<ImageRecord>();
        while (reader.Read())
        {
            result.Add(ReadImage(reader, refs));
        }
        return result;
    });

    /// <summary>The exact config bytes of an image (its ID is their digest), or null.</summary>
    public byte[]? ConfigBytes(Digest id) => _database.Read(c =>
    {
        using var query = Command(c, null, "SELECT config FROM images WHERE id = $id");
        query.Parameters.AddWithValue("$id", id.ToString());
        return query.ExecuteScalar() as byte[];
    });

    /// <summary>Normalised references (tags and digests) of an image, sorted.</summary>
    public IReadOnlyList<ImageReference> References(Digest id) => _database.Read(c => ReferencesOf(c, null, id));

    /// <summary>IDs of images whose local parent is <paramref name="id"/>.</summary>
    public IReadOnlyList<Digest> Children(Digest id) => _database.Read(c =>
    {
        using var query = Command(c, null, "SELECT id FROM images WHERE parent = $id");
        query.Parameters.AddWithValue("$id", id.ToString());
        using var reader = query.ExecuteReader();
        var result = new List<Digest>();
        while (reader.Read())
        {
            result.Add(Digest.Parse(reader.GetString(0)));
        }
        return result;
    });

    /// <summary>Records an unpacked layer (its snapshot is named by <paramref name="chainId"/>).</summary>
    public void RecordLayer(Digest chainId, Digest diffId, long size) => _database.Write((c, t) =>
    {
        using var insert = Command(c, t, "INSERT INTO image_layers (chain_id, diff_id, size) VALUES ($chain, $diff, $size) ON CONFLICT(chain_id) DO UPDATE SET size = excluded.size");
        insert.Parameters.AddWithValue("$chain", chainId.ToString());
        insert.Parameters.AddWithValue("$diff", diffId.ToString());
        insert.Parameters.AddWithValue("$size", size);
        insert.ExecuteNonQuery();
    });

    /// <summary>
    /// Stores an image whose layers are already unpacked and recorded: the row and <paramref name="references"/> in one
    /// transaction (an existing reference moves to this image), then the config blob. Returns the record.
    /// </summary>
    public ImageRecord Add(byte[] configJson, Digest? parent = null, IEnumerable<ImageReference>? references = null)
    {
        var config = ParseConfig(configJson);
        var id = Digest.Sha256(configJson);
        var chainIds = LayerChain.ChainIds(config.RootFs.DiffIds);
        foreach (var chainId in chainIds)
        {
            if (!Snapshotter.Exists(chainId.ToString()))
            {
                throw new InvalidArgumentException($"layer {chainId} of image {id} is not unpacked");
            }
        }
        // Row first, blob second: a crash in between leaves a row whose blob Recover rewrites from the row, never an orphan file.
        _database.Write((c, t) =>
        {
            long size = 0;
            foreach (var chainId in chainIds)
            {
                using var layer = Command(c, t, "SELECT size FROM image_layers WHERE chain_id = $chain");
                layer.Parameters.AddWithValue("$chain", chainId.ToString());
                size += layer.ExecuteScalar() as long? ?? 0;
            }
            using var insert = Command(c, t, """
                INSERT INTO images (id, config, created, size, parent, chain_ids, stored_at)
                VALUES ($id, $config, $created, $size, $parent, $chains, $stored)
                ON CONFLICT(id) DO NOTHING
                """);
            insert.Parameters.AddWithValue("$id", id.ToString());
            insert.Parameters.AddWithValue("$config", configJson);
            insert.Parameters.AddWithValue("$created", (config.Created ?? DateTimeOffset.UtcNow).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$size", size);
            insert.Parameters.AddWithValue("$parent", (object?)parent?.ToString() ?? DBNull.Value);
            insert.Parameters.AddWithValue("$chains", string.Join(' ', chainIds));
            insert.Parameters.AddWithValue("$stored", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
            foreach (var reference in references ?? [])
            {
                SetReference(c, t, reference, id);
            }
        });
        Content.Write(configJson, id);
        return Get(id)!;
    }

    /// <summary>Points <paramref name="reference"/> (a tag, defaulting to <c>latest</c>, or <c>name@digest</c>) at image <paramref name="id"/>.</summary>
    public void SetReference(ImageReference reference, Digest id) => _database.Write((c, t) =>
    {
        if (Load(c, id, t) is null)
        {
            throw new NotFoundException($"No such image: {id}");
        }
        SetReference(c, t, reference, id);
    });

    /// <summary>Removes a reference; false when it did not exist.</summary>
    public bool RemoveReference(ImageReference reference) => _database.Write((c, t) =>
    {
        using var delete = Command(c, t, "DELETE FROM image_refs WHERE ref = $ref");
        delete.Parameters.AddWithValue("$ref", StoredForm(reference));
        return delete.ExecuteNonQuery() > 0;
    });

    /// <summary>
    /// Deletes image <paramref name="id"/> with all its references and its config blob, then releases the layer
    /// snapshots no other image uses (top down). Returns the chain IDs of the released layers.
    /// </summary>
    public IReadOnlyList<Digest> Delete(Digest id)
    {
        var image = Get(id) ?? throw new NotFoundException($"No such image: {id}");
        _database.Write((c, t) =>
        {
            using var delete = Command(c, t, "DELETE FROM images WHERE id = $id");
            delete.Parameters.AddWithValue("$id", id.ToString());
            delete.ExecuteNonQuery();
        });
        // A blob shared with another image (same config) cannot exist: the ID is the config's digest.
        Content.Delete(id);
        return ReleaseLayers(image.ChainIds);
    }

    /// <summary>Removes, top down, the snapshots of <paramref name="chainIds"/> that no image references and nothing stands on; returns those removed.</summary>
    public IReadOnlyList<Digest> ReleaseLayers(IReadOnlyList<Digest> chainIds)
    {
        var inUse = _database.Read(c =>
        {
            using var query = Command(c, null, "SELECT chain_ids FROM images");
            using var reader = query.ExecuteReader();
            var used = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                foreach (var chain in reader.GetString(0).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    used.Add(chain);
                }
            }
            return used;
        });
        var released = new List<Digest>();
        for (var i = chainIds.Count - 1; i >= 0; i--)
        {
            var name = chainIds[i].ToString();
            if (inUse.Contains(name))
            {
                break; // Everything below a used layer is used too.
            }
            try
            {
                if (Snapshotter.Stat(name) is not null)
                {
                    Snapshotter.Remove(name);
                }
            }
            catch (ConflictException)
            {
                break; // A container (or a layer being unpacked) still stands on it.
            }
            _database.Write((c, t) =>
            {
                using var delete = Command(c, t, "DELETE FROM image_layers WHERE chain_id = $chain");
                delete.Parameters.AddWithValue("$chain", name);
                delete.ExecuteNonQuery();
            });
            released.Add(chainIds[i]);
        }
        return released;
    }

    /// <summary>Chain IDs of all recorded layers.</summary>
    public IReadOnlyList<Digest> RecordedLayers() => _database.Read(c =>
    {
        using var query = Command(c, null, "SELECT chain_id FROM image_layers");
        using var reader = query.ExecuteReader();
        var result = new List<Digest>();
        while (reader.Read())
        {
            result.Add(Digest.Parse(reader.GetString(0)));
        }
        return result;
    });

    /// <summary>Parses a config document (source-generated JSON).</summary>
    public static ImageConfig ParseConfig(byte[] configJson)
    {
        try
        {
            return JsonSerializer.Deserialize(configJson, CoreJsonContext.Default.ImageConfig)
                ?? throw new InvalidArgumentException("invalid image config: null");
        }
        catch (JsonException e)
        {
            throw new InvalidArgumentException($"invalid image config: {e.Message}", e);
        }
    }

    /// <summary>How <c>No such image: …</c> names what the user typed: as moby, the familiar form of a valid reference with the default tag added, else the text.</summary>
    internal static string DisplayName(string nameOrId)
    {
        if (FullId().IsMatch(nameOrId))
        {
            return nameOrId.StartsWith("sha256:", StringComparison.Ordinal) ? nameOrId : "sha256:" + nameOrId;
        }
        return ImageReference.TryParse(nameOrId, out var reference) ? reference.WithDefaultTag().FamiliarString() : nameOrId;
    }

    private ImageRecord? TryResolve(string nameOrId, bool throwOnInvalid)
    {
        if (string.IsNullOrEmpty(nameOrId))
        {
            if (throwOnInvalid)
            {
                throw new InvalidArgumentException("invalid reference format");
            }
            return null;
        }
        return _database.Read(c =>
        {
            if (FullId().IsMatch(nameOrId))
            {
                var hex = nameOrId.StartsWith("sha256:", StringComparison.Ordinal) ? nameOrId[7..] : nameOrId;
                return Load(c, Digest.Parse("sha256:" + hex));
            }
            if (ImageReference.TryParse(nameOrId, out var reference, out var error))
            {
                var stored = StoredForm(reference.IsNameOnly ? reference.WithDefaultTag() : reference);
                using var query = Command(c, null, "SELECT image_id FROM image_refs WHERE ref = $ref");
                query.Parameters.AddWithValue("$ref", stored);
                if (query.ExecuteScalar() is string id)
                {
                    return Load(c, Digest.Parse(id));
                }
            }
            var prefix = nameOrId.StartsWith("sha256:", StringComparison.Ordinal) ? nameOrId[7..] : nameOrId;
            if (ShortId().IsMatch(prefix))
            {
                using var search = Command(c, null, "SELECT id FROM images WHERE id LIKE $prefix LIMIT 2");
                search.Parameters.AddWithValue("$prefix", "sha256:" + prefix + "%");
                using var reader = search.ExecuteReader();
                var matches = new List<string>();
                while (reader.Read())
                {
                    matches.Add(reader.GetString(0));
                }
                reader.Close();
                // An ambiguous prefix finds nothing, as in Docker.
                return matches.Count == 1 ? Load(c, Digest.Parse(matches[0])) : null;
            }
            if (reference is null && throwOnInvalid)
            {
                throw new InvalidArgumentException(error);
            }
            return null;
        });
    }

    private static void SetReference(SqliteConnection c, SqliteTransaction t, ImageReference reference, Digest id)
    {
        using var upsert = Command(c, t, """
            INSERT INTO image_refs (ref, image_id, kind, created) VALUES ($ref, $id, $kind, $created)
            ON CONFLICT(ref) DO UPDATE SET image_id = excluded.image_id, created = excluded.created
            """);
        upsert.Parameters.AddWithValue("$ref", StoredForm(reference));
        upsert.Parameters.AddWithValue("$id", id.ToString());
        upsert.Parameters.AddWithValue("$kind", reference.Digest is null ? "tag" : "digest");
        upsert.Parameters.AddWithValue("$created", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        upsert.ExecuteNonQuery();
    }

    /// <summary>The key a reference is stored under: <c>name:tag</c> for tags (default <c>latest</c>), <c>name@digest</c> when it has a digest (the digest wins over a tag, as in Docker).</summary>
    internal static string StoredForm(ImageReference reference)
    {
        if (reference.Digest is { } digest)
        {
            return reference.Name + "@" + digest;
        }
        return reference.Name + ":" + (reference.Tag ?? ImageReference.DefaultTag);
    }

    private static IReadOnlyList<ImageReference> ReferencesOf(SqliteConnection c, SqliteTransaction? t, Digest id)
    {
        using var query = Command(c, t, "SELECT ref FROM image_refs WHERE image_id = $id ORDER BY ref");
        query.Parameters.AddWithValue("$id", id.ToString());
        using var reader = query.ExecuteReader();
        var result = new List<ImageReference>();
        while (reader.Read())
        {
            result.Add(ImageReference.Parse(reader.GetString(0)));
        }
        return result;
    }

    private static Dictionary<string, List<string>> AllReferences(SqliteConnection c)
    {
        using var query = Command(c, null, "SELECT image_id, ref FROM image_refs ORDER BY ref");
        using var reader = query.ExecuteReader();
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!result.TryGetValue(id, out var list))
            {
                result[id] = list = [];
            }
            list.Add(reader.GetString(1));
        }
        return result;
    }

    private static ImageRecord? Load(SqliteConnection c, Digest id, SqliteTransaction? t = null)
    {
        using var query = Command(c, t, "SELECT id, config, created, size, parent, chain_ids FROM images WHERE id = $id");
        query.Parameters.AddWithValue("$id", id.ToString());
        using var reader = query.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        var refs = new Dictionary<string, List<string>> { [id.ToString()] = ReferencesOf(c, t, id).Select(r => r.ToString()).ToList() };
        return ReadImage(reader, refs);
    }

    private static ImageRecord ReadImage(SqliteDataReader reader, Dictionary<string, List<string>> refs)
    {
        var id = reader.GetString(0);
        var config = ParseConfig((byte[])reader[1]);
        var names = refs.TryGetValue(id, out var list) ? list : [];
        return new ImageRecord
        {
            Id = Digest.Parse(id),
            Config = config,
            Created = DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
            Size = reader.GetInt64(3),
            Parent = reader.IsDBNull(4) ? null : Digest.Parse(reader.GetString(4)),
            ChainIds = reader.GetString(5).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Digest.Parse).ToList(),
            RepoTags = names.Where(n => !n.Contains('@')).ToList(),
            RepoDigests = names.Where(n => n.Contains('@')).ToList(),
        };
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    [GeneratedRegex("^(sha256:)?[a-f0-9]{64}$")]
    private static partial Regex FullId();

    [GeneratedRegex("^[a-f0-9]{1,64}$")]
    private static partial Regex ShortId();
}
