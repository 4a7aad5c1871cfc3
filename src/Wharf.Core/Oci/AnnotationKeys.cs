namespace Wharf.Core.Oci;

/// <summary>Annotation keys defined by the OCI image spec and used by Docker/containerd in layouts and indexes.</summary>
public static class AnnotationKeys
{
    /// <summary>The tag of a manifest in an OCI layout's <c>index.json</c> (e.g. <c>latest</c>).</summary>
    public const string RefName = "org.opencontainers.image.ref.name";
    /// <summary>The full image name containerd and Docker write next to <see cref="RefName"/>.</summary>
    public const string ContainerdImageName = "io.containerd.image.name";
    /// <summary>Creation time (RFC 3339).</summary>
    public const string Created = "org.opencontainers.image.created";
    /// <summary>Authors.</summary>
    public const string Authors = "org.opencontainers.image.authors";
    /// <summary>Source code URL.</summary>
    public const string Source = "org.opencontainers.image.source";
    /// <summary>Source revision.</summary>
    public const string Revision = "org.opencontainers.image.revision";
    /// <summary>Human title (also names an artifact's file).</summary>
    public const string Title = "org.opencontainers.image.title";
    /// <summary>Description.</summary>
    public const string Description = "org.opencontainers.image.description";
    /// <summary>Digest of the base image.</summary>
    public const string BaseDigest = "org.opencontainers.image.base.digest";
    /// <summary>Reference of the base image.</summary>
    public const string BaseName = "org.opencontainers.image.base.name";
    /// <summary>BuildKit's marker for attestation manifests in an index (<c>attestation-manifest</c>).</summary>
    public const string DockerReferenceType = "vnd.docker.reference.type";
    /// <summary>The image manifest an attestation manifest describes.</summary>
    public const string DockerReferenceDigest = "vnd.docker.reference.digest";
}
