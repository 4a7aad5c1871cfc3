using System.Buffers.Binary;

namespace Wharf.Api.Streams;

/// <summary>
/// Docker's multiplexed stdio framing (<c>application/vnd.docker.multiplexed-stream</c>): every frame is an
/// 8-byte header — stream type, three zero bytes, big-endian uint32 payload length — followed by the payload.
/// </summary>
public static class MultiplexedStream
{
    /// <summary>Size of a frame header.</summary>
    public const int HeaderSize = 8;

    /// <summary>Largest payload put in one frame by <see cref="WriteAsync"/>; longer data is split.</summary>
    public const int MaxFramePayload = 32 * 1024;

    /// <summary>Writes the 8-byte header for a payload of <paramref name="length"/> bytes.</summary>
    public static void WriteHeader(Span<byte> destination, StdioStreamType stream, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        destination[0] = (byte)stream;
        destination[1] = 0;
        destination[2] = 0;
        destination[3] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..8], (uint)length);
    }

    /// <summary>Encodes one frame (header + payload) into a new array.</summary>
    public static byte[] Encode(StdioStreamType stream, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[HeaderSize + payload.Length];
        WriteHeader(frame, stream, payload.Length);
        payload.CopyTo(frame.AsSpan(HeaderSize));
        return frame;
    }

    /// <summary>Writes <paramref name="payload"/> as one or more frames (empty payloads write nothing).</summary>
    public static async ValueTask WriteAsync(Stream destination, StdioStreamType stream, ReadOnlyMemory<byte> payload, CancellationToken ct = default)
    {
        var header = new byte[HeaderSize];
        while (!payload.IsEmpty)
        {
            var chunk = payload.Length > MaxFramePayload ? payload[..MaxFramePayload] : payload;
            WriteHeader(header, stream, chunk.Length);
            await destination.WriteAsync(header, ct).ConfigureAwait(false);
            await destination.WriteAsync(chunk, ct).ConfigureAwait(false);
            payload = payload[chunk.Length..];
        }
    }

    /// <summary>Reads the next frame; null at a clean end of stream. Throws <see cref="InvalidDataException"/> on a truncated frame or a bad stream byte.</summary>
    public static async ValueTask<MultiplexedFrame?> ReadFrameAsync(Stream source, CancellationToken ct = default)
    {
        var header = new byte[HeaderSize];
        var got = await ReadFullyAsync(source, header, ct).ConfigureAwait(false);
        if (got == 0)
        {
            return null;
        }
        if (got < HeaderSize)
        {
            throw new InvalidDataException("truncated multiplexed stream header");
        }
        if (header[0] > (byte)StdioStreamType.SystemError)
        {
            throw new InvalidDataException($"unrecognized stream: {header[0]}");
        }
        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
        if (length > int.MaxValue)
        {
            throw new InvalidDataException("multiplexed frame too large");
        }
        var payload = new byte[length];
        if (await ReadFullyAsync(source, payload, ct).ConfigureAwait(false) < payload.Length)
        {
            throw new InvalidDataException("truncated multiplexed stream frame");
        }
        return new MultiplexedFrame((StdioStreamType)header[0], payload);
    }

    /// <summary>
    /// Demultiplexes <paramref name="source"/> into <paramref name="stdout"/> and <paramref name="stderr"/> until
    /// end of stream (like Go's <c>stdcopy.StdCopy</c>). A system-error frame ends the copy with an <see cref="IOException"/>.
    /// </summary>
    public static async Task CopyAsync(Stream source, Stream stdout, Stream stderr, CancellationToken ct = default)
    {
        while (await ReadFrameAsync(source, ct).ConfigureAwait(false) is { } frame)
        {
            switch (frame.Stream)
            {
                case StdioStreamType.Stdout:
                    await stdout.WriteAsync(frame.Payload, ct).ConfigureAwait(false);
                    await stdout.FlushAsync(ct).ConfigureAwait(false);
                    break;
                case StdioStreamType.Stderr:
                    await stderr.WriteAsync(frame.Payload, ct).ConfigureAwait(false);
                    await stderr.FlushAsync(ct).ConfigureAwait(false);
                    break;
                case StdioStreamType.SystemError:
                    throw new IOException("error from daemon in stream: " + System.Text.Encoding.UTF8.GetString(frame.Payload.Span));
            }
        }
    }

    private static async ValueTask<int> ReadFullyAsync(Stream source, Memory<byte> buffer, CancellationToken ct)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await source.ReadAsync(buffer[total..], ct).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }
            total += n;
        }
        return total;
    }
}
