namespace Wharf.Core.Oci;

/// <summary>Media types of OCI image-spec and Docker's image manifest v2 schema 2 documents and layers.</summary>
public static class MediaTypes
{
    /// <summary>OCI image manifest.</summary>
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    /// <summary>OCI image index.</summary>
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    /// <summary>OCI image config.</summary>
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    /// <summary>OCI layer, uncompressed tar.</summary>
    public const string OciLayer = "application/vnd.oci.image.layer.v1.tar";
    /// <summary>OCI layer, gzip-compressed tar.</summary>
    public const string OciLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";
    /// <summary>OCI layer, zstd-compressed tar.</summary>
    public const string OciLayerZstd = "application/vnd.oci.image.layer.v1.tar+zstd";
    /// <summary>OCI non-distributable layer, uncompressed tar (deprecated by the spec, still seen).</summary>
    public const string OciLayerNondistributable = "application/vnd.oci.image.layer.nondistributable.v1.tar";
    /// <summary>OCI non-distributable layer, gzip-compressed tar.</summary>
    public const string OciLayerNondistributableGzip = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";
    /// <summary>OCI non-distributable layer, zstd-compressed tar.</summary>
    public const string OciLayerNondistributableZstd = "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd";
    /// <summary>OCI empty JSON blob <c>{}</c>, used as the config of artifacts.</summary>
    public const string OciEmptyJson = "application/vnd.oci.empty.v1+json";
    /// <summary>OCI image layout <c>oci-layout</c> file content type.</summary>
    public const string OciLayoutHeader = "application/vnd.oci.layout.header.v1+json";

    /// <summary>Docker image manifest v2 schema 2.</summary>
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    /// <summary>Docker manifest list (multi-platform).</summary>
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    /// <summary>Docker image manifest v2 schema 1 (legacy, unsigned).</summary>
    public const string DockerManifestSchema1 = "application/vnd.docker.distribution.manifest.v1+json";
    /// <summary>Docker image manifest v2 schema 1, signed (legacy).</summary>
    public const string DockerManifestSchema1Signed = "application/vnd.docker.distribution.manifest.v1+prettyjws";
    /// <summary>Docker container image config.</summary>
    public const string DockerConfig = "application/vnd.docker.container.image.v1+json";
    /// <summary>Docker layer, gzip-compressed tar.</summary>
    public const string DockerLayerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    /// <summary>Docker layer, uncompressed tar (seen in docker save/load).</summary>
    public const string DockerLayer = "application/vnd.docker.image.rootfs.diff.tar";
    /// <summary>Docker foreign (non-distributable) layer, gzip-compressed tar.</summary>
    public const string DockerForeignLayerGzip = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
    /// <summary>Docker plugin config.</summary>
    public const string DockerPluginConfig = "application/vnd.docker.plugin.v1+json";

    /// <summary>True for a single-platform image manifest (OCI or Docker schema 2).</summary>
    public static bool IsManifest(string? mediaType) => mediaType is OciManifest or DockerManifest;

    /// <summary>True for a multi-platform index (OCI index or Docker manifest list).</summary>
    public static bool IsIndex(string? mediaType) => mediaType is OciIndex or DockerManifestList;

    /// <summary>True for an image config (OCI or Docker).</summary>
    public static bool IsConfig(string? mediaType) => mediaType is OciConfig or DockerConfig;

    /// <summary>True for any layer media type this module knows, compressed or not.</summary>
    public static bool IsLayer(string? mediaType) => LayerCompressionOf(mediaType) is not null;

    /// <summary>True for layers that registries must not redistribute (foreign / non-distributable).</summary>
    public static bool IsNondistributable(string? mediaType) =>
        mediaType is OciLayerNondistributable or OciLayerNondistributableGzip or OciLayerNondistributableZstd or DockerForeignLayerGzip;

    /// <summary>The compression of a layer media type, or null when it is not a known layer type.</summary>
    public static LayerCompression? LayerCompressionOf(string? mediaType) => mediaType switch
    {
        OciLayer or OciLayerNondistributable or DockerLayer => LayerCompression.None,
        OciLayerGzip or OciLayerNondistributableGzip or DockerLayerGzip or DockerForeignLayerGzip => LayerCompression.Gzip,
        OciLayerZstd or OciLayerNondistributableZstd => LayerCompression.Zstd,
        _ => null,
    };
}
