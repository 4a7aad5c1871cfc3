using System.Globalization;
using System.Text;

namespace Wharf.Api.Client.Http;

/// <summary>
/// A response body read off its connection as it arrives: by Content-Length, by chunked framing, or to the end of the
/// connection. Disposing it closes the connection.
/// </summary>
internal sealed class ResponseBodyStream : Stream
{
    private readonly Stream _connection;
    private readonly byte[] _buffer;
    private readonly bool _chunked;
    private int _offset;
    private int _count;
    private long _remaining;
    private bool _done;

    /// <summary>A body of <paramref name="contentLength"/> bytes, or chunked, or (both unset) up to the connection's end.</summary>
    public ResponseBodyStream(Stream connection, byte[] leftover, long? contentLength, bool chunked)
    {
        _connection = connection;
        _buffer = new byte[Math.Max(16 * 1024, leftover.Length)];
        leftover.CopyTo(_buffer, 0);
        _count = leftover.Length;
        _chunked = chunked;
        _remaining = chunked ? 0 : contentLength ?? long.MaxValue;
        _done = !chunked && contentLength == 0;
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (_done || destination.Length == 0)
        {
            return 0;
        }
        if (_chunked && _remaining == 0)
        {
            _remaining = await ReadChunkSizeAsync(cancellationToken).ConfigureAwait(false);
            if (_remaining == 0)
            {
                // The last chunk; trailers (none from the daemon) end with an empty line.
                await ReadLineAsync(cancellationToken).ConfigureAwait(false);
                Finish();
                return 0;
            }
        }
        if (_count == 0 && !await FillAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_remaining != long.MaxValue)
            {
                throw new IOException("the daemon closed the connection in the middle of a response");
            }
            Finish();
            return 0;
        }
        var n = (int)Math.Min(Math.Min(destination.Length, _count), _remaining);
        _buffer.AsMemory(_offset, n).CopyTo(destination);
        Consume(n);
        if (_remaining != long.MaxValue)
        {
            _remaining -= n;
        }
        if (_remaining == 0)
        {
            if (_chunked)
            {
                await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Finish();
            }
        }
        return n;
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>The whole body is read: the connection is not reused, so let the daemon see it close now.</summary>
    private void Finish()
    {
        _done = true;
        _connection.Dispose();
    }

    private async Task<long> ReadChunkSizeAsync(CancellationToken cancellationToken)
    {
        var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        var semicolon = line.IndexOf(';');
        var hex = (semicolon >= 0 ? line[..semicolon] : line).Trim();
        if (!long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
        {
            throw new IOException($"malformed chunk size from the daemon: {line}");
        }
        return size;
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_count == 0 && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new IOException("the daemon closed the connection in the middle of a chunked response");
            }
            var span = _buffer.AsSpan(_offset, _count);
            var nl = span.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                line.Append(Encoding.ASCII.GetString(span[..nl]));
                Consume(nl + 1);
                return line.ToString().TrimEnd('\r');
            }
            line.Append(Encoding.ASCII.GetString(span));
            Consume(span.Length);
        }
    }

    private void Consume(int n)
    {
        _offset += n;
        _count -= n;
        if (_count == 0)
        {
            _offset = 0;
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        var read = await _connection.ReadAsync(_buffer.AsMemory(0, _buffer.Length), cancellationToken).ConfigureAwait(false);
        _offset = 0;
        _count = read;
        return read > 0;
    }
}
