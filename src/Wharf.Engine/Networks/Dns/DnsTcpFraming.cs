using System.Buffers.Binary;

namespace Wharf.Engine.Networks.Dns;

/// <summary>DNS over TCP frames every message with a two-byte big-endian length (RFC 1035 §4.2.2).</summary>
public static class DnsTcpFraming
{
    /// <summary>Reads one message; null at a clean end of stream before its length.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, CancellationToken ct)
    {
        var prefix = new byte[2];
        var got = await ReadFullyAsync(stream, prefix, ct).ConfigureAwait(false);
        if (got == 0)
        {
            return null;
        }
        if (got < 2)
        {
            throw new IOException("connection closed inside a DNS length prefix");
        }
        var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
        if (await ReadFullyAsync(stream, message, ct).ConfigureAwait(false) < message.Length)
        {
            throw new IOException("connection closed inside a DNS message");
        }
        return message;
    }

    /// <summary>Writes one length-prefixed message.</summary>
    public static async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        if (message.Length > ushort.MaxValue)
        {
            throw new DnsFormatException("message longer than 65535 bytes");
        }
        var framed = new byte[message.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)message.Length);
        message.Span.CopyTo(framed.AsSpan(2));
        await stream.WriteAsync(framed, ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
    }

    private static async Task<int> ReadFullyAsync(Stream stream, Memory<byte> buffer, CancellationToken ct)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer[total..], ct).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return total;
    }
}
