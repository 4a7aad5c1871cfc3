using Wharf.Core.Digests;
using Wharf.Core.Errors;
using Wharf.Engine.Filesystem;

namespace Wharf.Engine.Content;

/// <summary>An open ingest: append bytes, then <see cref="Commit"/> to make them visible under their verified digest. Disposing without commit keeps the partial data for a resume.</summary>
public sealed class ContentWriter : IDisposable
{
    private readonly ContentStore _store;
    private readonly string _directory;
    private readonly string _dataPath;
    private readonly DigestComputer _computer;
    private FileStream? _file;
    private bool _done;

    internal ContentWriter(ContentStore store, string directory, string algorithm)
    {
        _store = store;
        _directory = directory;
        _dataPath = Path.Combine(directory, "data");
        _computer = new DigestComputer(algorithm);
        try
        {
            // FileShare.None takes an exclusive lock: two writers for one reference would corrupt each other.
            _file = new FileStream(_dataPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException e)
        {
            _computer.Dispose();
            throw new UnavailableException($"ref {Path.GetFileName(directory)} locked: {e.Message}", e);
        }
        var buffer = new byte[81920];
        int read;
        while ((read = _file.Read(buffer)) > 0)
        {
            _computer.Append(buffer.AsSpan(0, read));
        }
    }

    /// <summary>Bytes written so far (including those of an earlier, interrupted write of the same reference).</summary>
    public long Offset => _computer.Length;

    /// <summary>Appends bytes.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        File().Write(data);
        _computer.Append(data);
    }

    /// <summary>Appends bytes asynchronously.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        await File().WriteAsync(data, cancellationToken).ConfigureAwait(false);
        _computer.Append(data.Span);
    }

    /// <summary>
    /// Checks size and digest (when given), flushes to disk and moves the blob into place; returns its digest.
    /// On a mismatch the partial data is discarded and <see cref="InvalidArgumentException"/> is thrown.
    /// </summary>
    public Digest Commit(Digest? expected = null, long? expectedSize = null)
    {
        var file = File();
        var digest = _computer.GetDigest();
        if (expectedSize is { } size && size != Offset)
        {
            Abort();
            throw new InvalidArgumentException($"unexpected commit size {Offset}, expected {size}");
        }
        if (expected is { } want && want != digest)
        {
            Abort();
            throw new InvalidArgumentException($"unexpected commit digest {digest}, expected {want}: failed precondition");
        }
        file.Flush(flushToDisk: true);
        Syscalls.Fsync(file.SafeFileHandle);
        file.Dispose();
        _file = null;
        _store.CommitFile(_dataPath, digest);
        RemoveDirectory();
        _done = true;
        return digest;
    }

    /// <summary>Discards the partial data.</summary>
    public void Abort()
    {
        _file?.Dispose();
        _file = null;
        RemoveDirectory();
        _done = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _file?.Dispose();
        _file = null;
        _computer.Dispose();
        _ = _done;
    }

    private FileStream File() => _file ?? throw new ObjectDisposedException(nameof(ContentWriter));

    private void RemoveDirectory()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
