using Wharf.Core.Digests;

namespace Wharf.Engine.Content;

/// <summary>
/// Content-addressed blobs (manifests, configs, layers as pulled). A blob is written to an <em>ingest</em> first
/// and becomes visible under its digest only after a commit that checked its size and digest; nothing partial
/// or corrupt is ever readable by digest.
/// </summary>
public interface IContentStore
{
    /// <summary>Whether a committed blob with this digest exists.</summary>
    bool Exists(Digest digest);

    /// <summary>Size and commit time of a blob, or null when missing.</summary>
    ContentInfo? Info(Digest digest);

    /// <summary>Opens a committed blob; throws <c>NotFoundException</c> when missing.</summary>
    Stream OpenRead(Digest digest);

    /// <summary>Streams <paramref name="content"/> into the store, verifying <paramref name="expected"/> and <paramref name="expectedSize"/> when given; returns the digest.</summary>
    Task<Digest> WriteAsync(Stream content, Digest? expected = null, long? expectedSize = null, CancellationToken cancellationToken = default);

    /// <summary>Removes a blob; false when it was not there.</summary>
    bool Delete(Digest digest);

    /// <summary>All committed blobs.</summary>
    IReadOnlyList<ContentInfo> List();
}
