using Wharf.Core.Digests;

namespace Wharf.Engine.Layers;

/// <summary>Passes reads through while hashing and counting every byte (the DiffID of an uncompressed layer).</summary>
internal sealed class HashingReadStream(Stream inner) : Stream
{
    private readonly DigestComputer _computer = new();

    public Digest Digest => _computer.GetDigest();
    public long BytesRead => _computer.Length;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _computer.Length; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        _computer.Append(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _computer.Append(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Reads (and hashes) whatever is left, such as the tar's trailing zero blocks.</summary>
    public void Drain()
    {
        var buffer = new byte[65536];
        while (Read(buffer) > 0)
        {
        }
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _computer.Dispose();
        }
        base.Dispose(disposing);
    }
}
