using System.Net.Sockets;

namespace Wharf.Engine.Runtime;

/// <summary>
/// A client of conmon's attach socket (SOCK_SEQPACKET): receives live output packets and sends stdin.
/// Several connections may exist at once; each sees all output from the moment it connected (nothing is replayed).
/// </summary>
public sealed class AttachConnection : IAsyncDisposable, IDisposable
{
    /// <summary>conmon sends one type byte plus up to 8192 data bytes; a smaller buffer would truncate packets.</summary>
    private const int ReceiveBufferSize = 8193;

    /// <summary>conmon reads 32 KiB per packet and silently drops the rest of a bigger one.</summary>
    private const int MaxStdinPacket = 32 * 1024;

    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[ReceiveBufferSize];
    private int _closed;

    internal AttachConnection(Socket socket) => _socket = socket;

    /// <summary>The next output packet, or null once conmon closed the socket (the container exited). The data is a fresh copy.</summary>
    public async ValueTask<AttachPacket?> ReceiveAsync(CancellationToken ct = default)
    {
        while (true)
        {
            int n;
            try
            {
                n = await _socket.ReceiveAsync(_buffer, SocketFlags.None, ct).ConfigureAwait(false);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.Shutdown)
            {
                return null;
            }
            if (n == 0)
                return null;
            if (n == 1)
                continue;
            var stream = _buffer[0] switch
            {
                3 => StdStream.Stderr,
                _ => StdStream.Stdout,
            };
            return new AttachPacket(stream, _buffer.AsSpan(1, n - 1).ToArray());
        }
    }

    /// <summary>Sends stdin bytes, split into packets conmon accepts whole.</summary>
    public async ValueTask SendStdinAsync(ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        while (!data.IsEmpty)
        {
            var chunk = data.Length > MaxStdinPacket ? data[..MaxStdinPacket] : data;
            var sent = await _socket.SendAsync(chunk, SocketFlags.None, ct).ConfigureAwait(false);
            data = data[sent..];
        }
    }

    /// <summary>Half-closes: the container's stdin gets EOF unless it was created with StdinOnce=false (<c>--leave-stdin-open</c>). Output keeps flowing.</summary>
    public void CloseStdin()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
            _socket.Dispose();
    }

    /// <summary>Closes the connection.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
