using System.Security.Cryptography;
using System.Text;
using Wharf.Core.Digests;
using Wharf.Core.Errors;
using Wharf.Engine.Filesystem;

namespace Wharf.Engine.Content;

/// <summary>
/// The content store on disk: <c>blobs/&lt;algorithm&gt;/&lt;hex&gt;</c> for committed blobs and <c>ingest/&lt;ref&gt;/</c> for
/// partial writes. Commit = verify size and digest → fsync → rename into place → fsync the directory.
/// </summary>
public sealed class ContentStore : IContentStore
{
    /// <summary>Opens (creating if needed) a store rooted at <paramref name="root"/> (normally <c>&lt;DataRoot&gt;/content</c>).</summary>
    public ContentStore(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(BlobsRoot);
        Directory.CreateDirectory(IngestRoot);
    }

    /// <summary>The store's root directory.</summary>
    public string Root { get; }

    internal string BlobsRoot => Path.Combine(Root, "blobs");
    internal string IngestRoot => Path.Combine(Root, "ingest");

    /// <summary>Where the committed blob <paramref name="digest"/> lives (whether or not it exists).</summary>
    public string BlobPath(Digest digest) => Path.Combine(BlobsRoot, digest.Algorithm, digest.Hex);

    /// <inheritdoc />
    public bool Exists(Digest digest) => File.Exists(BlobPath(digest));

    /// <inheritdoc />
    public ContentInfo? Info(Digest digest)
    {
        var file = new FileInfo(BlobPath(digest));
        return file.Exists ? new ContentInfo(digest, file.Length, file.LastWriteTimeUtc) : null;
    }

    /// <inheritdoc />
    public Stream OpenRead(Digest digest)
    {
        try
        {
            return new FileStream(BlobPath(digest), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new NotFoundException($"content digest {digest}: not found");
        }
    }

    /// <summary>The whole blob as bytes (configs, manifests).</summary>
    public byte[] ReadAllBytes(Digest digest)
    {
        using var stream = OpenRead(digest);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <inheritdoc />
    public async Task<Digest> WriteAsync(Stream content, Digest? expected = null, long? expectedSize = null, CancellationToken cancellationToken = default)
    {
        using var writer = OpenWriter($"write-{Guid.NewGuid():N}", expected?.Algorithm ?? Digest.Sha256Algorithm);
        try
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (expectedSize is { } limit && writer.Offset + read > limit)
                {
                    throw new InvalidArgumentException($"content exceeds expected size {limit}");
                }
                await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
            return writer.Commit(expected, expectedSize);
        }
        catch
        {
            writer.Abort();
            throw;
        }
    }

    /// <summary>Stores <paramref name="data"/> (verifying <paramref name="expected"/> when given) and returns its digest.</summary>
    public Digest Write(ReadOnlySpan<byte> data, Digest? expected = null)
    {
        using var writer = OpenWriter($"write-{Guid.NewGuid():N}", expected?.Algorithm ?? Digest.Sha256Algorithm);
        try
        {
            writer.Write(data);
            return writer.Commit(expected, data.Length);
        }
        catch
        {
            writer.Abort();
            throw;
        }
    }

    /// <summary>
    /// Opens (or resumes) the ingest <paramref name="reference"/>; bytes written earlier under the same reference
    /// are kept and re-hashed, so an interrupted download continues at <see cref="ContentWriter.Offset"/>.
    /// </summary>
    public ContentWriter OpenWriter(string reference, string algorithm = Digest.Sha256Algorithm)
    {
        var directory = Path.Combine(IngestRoot, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reference))));
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "ref"), reference);
        return new ContentWriter(this, directory, algorithm);
    }

    /// <inheritdoc />
    public bool Delete(Digest digest)
    {
        var path = BlobPath(digest);
        if (!File.Exists(path))
        {
            return false;
        }
        File.Delete(path);
        return true;
    }

    /// <inheritdoc />
    public IReadOnlyList<ContentInfo> List()
    {
        var result = new List<ContentInfo>();
        foreach (var algorithmDirectory in Directory.EnumerateDirectories(BlobsRoot))
        {
            var algorithm = Path.GetFileName(algorithmDirectory);
            foreach (var file in Directory.EnumerateFiles(algorithmDirectory))
            {
                if (Digest.TryParse(algorithm + ":" + Path.GetFileName(file), out var digest))
                {
                    var info = new FileInfo(file);
                    result.Add(new ContentInfo(digest, info.Length, info.LastWriteTimeUtc));
                }
            }
        }
        return result;
    }

    /// <summary>References of unfinished ingests (partial writes).</summary>
    public IReadOnlyList<string> ListIngests() =>
        Directory.EnumerateDirectories(IngestRoot)
            .Select(d => Path.Combine(d, "ref"))
            .Where(File.Exists)
            .Select(File.ReadAllText)
            .ToList();

    /// <summary>Removes partial writes older than <paramref name="olderThan"/> (all of them when null); returns how many.</summary>
    public int CleanupIngests(TimeSpan? olderThan = null)
    {
        var removed = 0;
        foreach (var directory in Directory.EnumerateDirectories(IngestRoot))
        {
            if (olderThan is { } age && Directory.GetLastWriteTimeUtc(directory) > DateTime.UtcNow - age)
            {
                continue;
            }
            try
            {
                Directory.Delete(directory, recursive: true);
                removed++;
            }
            catch (IOException)
            {
            }
        }
        return removed;
    }

    internal Digest CommitFile(string dataPath, Digest digest)
    {
        var target = BlobPath(digest);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            File.Delete(dataPath);
            return digest;
        }
        Syscalls.Chmod(dataPath, 0b100_100_100);
        File.Move(dataPath, target, overwrite: false);
        Syscalls.FsyncDirectory(Path.GetDirectoryName(target)!);
        return digest;
    }
}
