using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Wharf.Api.Client;

/// <summary>
/// A connection taken over after <c>101 UPGRADED</c> (attach, exec start): raw bytes both ways. The client
/// half-closes with <see cref="CloseWriteAsync"/> after stdin ends, and keeps reading output until the daemon closes.
/// </summary>
public sealed class HijackedConnection : IAsyncDisposable, IDisposable
{
    private readonly NetworkStream _network;
    private readonly byte[] _leftover;
    private int _leftoverOffset;

    private HijackedConnection(NetworkStream network, byte[] leftover, string? contentType)
    {
        _network = network;
        _leftover = leftover;
        ContentType = contentType;
        Output = new OutputStream(this);
    }

    /// <summary>The daemon's Content-Type: <c>application/vnd.docker.multiplexed-stream</c> or <c>…raw-stream</c>, when sent.</summary>
    public string? ContentType { get; }

    /// <summary>True when the daemon says the output is multiplexed (null header: the caller decides from the TTY setting).</summary>
    public bool? IsMultiplexed => ContentType is null ? null : ContentType.Contains("multiplexed", StringComparison.Ordinal);

    /// <summary>Reads what the container writes (including bytes that arrived with the response head).</summary>
    public Stream Output { get; }

    /// <summary>Writes to the container's stdin.</summary>
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) => _network.WriteAsync(data, cancellationToken);

    /// <summary>Half-closes the connection: the daemon sees stdin EOF but keeps sending output.</summary>
    public Task CloseWriteAsync()
    {
        try
        {
            _network.Socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // Already closed by the daemon: nothing left to signal.
        }
        catch (ObjectDisposedException)
        {
            // Torn down concurrently.
        }
        return Task.CompletedTask;
    }

    /// <summary>Connects, sends the upgrade request and reads the response head; throws <see cref="DaemonErrorException"/> unless the daemon answers 101.</summary>
    public static async Task<HijackedConnection> OpenAsync(WharfClient client, string pathAndQuery, byte[]? jsonBody, CancellationToken cancellationToken)
    {
        var stream = (NetworkStream)await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var head = new StringBuilder();
            head.Append("POST ").Append(pathAndQuery).Append(" HTTP/1.1\r\n");
            head.Append("Host: ").Append(WharfClient.HostHeader).Append("\r\n");
            head.Append("User-Agent: Wharf-Client/1.0\r\n");
            head.Append("Connection: Upgrade\r\nUpgrade: tcp\r\n");
            if (jsonBody is null)
            {
                head.Append("Content-Type: text/plain\r\nContent-Length: 0\r\n");
            }
            else
            {
                head.Append("Content-Type: application/json\r\nContent-Length: ").Append(jsonBody.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            }
            head.Append("\r\n");
            var bytes = Encoding.ASCII.GetBytes(head.ToString());
            if (jsonBody is not null)
            {
                bytes = [.. bytes, .. jsonBody];
            }
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            var response = await Http.ResponseHead.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
            var status = response.Status;
            if (status == 101)
            {
                return new HijackedConnection(stream, response.Leftover, response.Get("Content-Type"));
            }
            var body = await ReadErrorBodyAsync(stream, response, cancellationToken).ConfigureAwait(false);
            if (status >= 400)
            {
                throw new DaemonErrorException((HttpStatusCode)status, HijackErrorMessage(body, status));
            }
            throw new IOException($"unable to upgrade to tcp, received {status}");
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static string HijackErrorMessage(string body, int status)
    {
        using var fake = new HttpResponseMessage((HttpStatusCode)status);
        return WharfClient.ErrorMessage(fake, body);
    }

    /// <summary>The body of a refused upgrade (at most 64 KiB, 5 s): decoded as any response is, cut short if the daemon stalls.</summary>
    private static async Task<string> ReadErrorBodyAsync(Stream stream, Http.ResponseHead head, CancellationToken cancellationToken)
    {
        const int Limit = 64 * 1024;
        long? length = long.TryParse(head.Get("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var chunked = head.Get("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;
        var reader = new Http.ResponseBodyStream(stream, head.Leftover, length, chunked);
        using var body = new MemoryStream();
        var buffer = new byte[4096];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            int read;
            while (body.Length < Limit && (read = await reader.ReadAsync(buffer, timeout.Token).ConfigureAwait(false)) > 0)
            {
                body.Write(buffer, 0, read);
            }
        }
        catch (Exception e) when (e is IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Use what arrived.
        }
        return Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
    }

    private async ValueTask<int> ReadOutputAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_leftoverOffset < _leftover.Length)
        {
            var n = Math.Min(buffer.Length, _leftover.Length - _leftoverOffset);
            _leftover.AsMemory(_leftoverOffset, n).CopyTo(buffer);
            _leftoverOffset += n;
            return n;
        }
        try
        {
            return await _network.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            return 0;
        }
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose() => _network.Dispose();

    /// <summary>Closes the connection.</summary>
    public ValueTask DisposeAsync() => _network.DisposeAsync();

    private sealed class OutputStream(HijackedConnection owner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => owner.ReadOutputAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => owner.ReadOutputAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => owner.ReadOutputAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
