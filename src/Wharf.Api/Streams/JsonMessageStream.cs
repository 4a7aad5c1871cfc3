using System.Runtime.CompilerServices;
using System.Text.Json;
using Wharf.Api.Json;
using Wharf.Api.Models;

namespace Wharf.Api.Streams;

/// <summary>JSON-lines progress streams: one <see cref="JsonMessage"/> object and a <c>\n</c> per message, flushed each time.</summary>
public static class JsonMessageStream
{
    private static readonly byte[] NewLine = [(byte)'\n'];

    /// <summary>Writes one message followed by a newline and flushes.</summary>
    public static async ValueTask WriteAsync(Stream destination, JsonMessage message, CancellationToken ct = default)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, WharfApiJsonContext.Default.JsonMessage);
        await destination.WriteAsync(bytes, ct).ConfigureAwait(false);
        await destination.WriteAsync(NewLine, ct).ConfigureAwait(false);
        await destination.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads messages until end of stream. Accepts objects separated by newlines or simply concatenated
    /// (older daemons), skipping whitespace between them.
    /// </summary>
    public static async IAsyncEnumerable<JsonMessage> ReadAllAsync(Stream source, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var buffer = new byte[16 * 1024];
        var count = 0;
        var eof = false;
        while (true)
        {
            // Try to parse as many complete values as the buffer holds.
            var consumedTotal = 0;
            while (true)
            {
                var span = buffer.AsMemory(consumedTotal, count - consumedTotal);
                if (!TryReadOne(span.Span, eof, out var message, out var consumed))
                {
                    break;
                }
                consumedTotal += consumed;
                if (message is null)
                {
                    break;
                }
                yield return message;
            }
            if (consumedTotal > 0)
            {
                Buffer.BlockCopy(buffer, consumedTotal, buffer, 0, count - consumedTotal);
                count -= consumedTotal;
            }
            if (eof)
            {
                if (buffer.AsSpan(0, count).Trim(" \r\n\t"u8).Length > 0)
                {
                    throw new InvalidDataException("truncated JSON message stream");
                }
                yield break;
            }
            if (count == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            var n = await source.ReadAsync(buffer.AsMemory(count), ct).ConfigureAwait(false);
            if (n == 0)
            {
                eof = true;
            }
            count += n;
        }
    }

    private static bool TryReadOne(ReadOnlySpan<byte> data, bool isFinal, out JsonMessage? message, out int consumed)
    {
        message = null;
        consumed = 0;
        var skip = 0;
        while (skip < data.Length && data[skip] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            skip++;
        }
        if (skip == data.Length)
        {
            return false;
        }
        var reader = new Utf8JsonReader(data[skip..], isFinal, default);
        try
        {
            if (!reader.Read() || !reader.TrySkip())
            {
                return false;
            }
        }
        catch (JsonException e)
        {
            if (!isFinal)
            {
                return false;
            }
            throw new InvalidDataException("truncated or malformed JSON message stream: " + e.Message, e);
        }
        var length = (int)reader.BytesConsumed;
        message = JsonSerializer.Deserialize(data.Slice(skip, length), WharfApiJsonContext.Default.JsonMessage)
            ?? throw new InvalidDataException("null JSON message");
        consumed = skip + length;
        return true;
    }
}
