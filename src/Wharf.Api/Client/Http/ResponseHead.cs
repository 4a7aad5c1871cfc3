using System.Globalization;
using System.Text;

namespace Wharf.Api.Client.Http;

/// <summary>The status line and headers of an HTTP/1.1 response, plus the body bytes that arrived with them.</summary>
internal sealed class ResponseHead
{
    private const int MaxHeadBytes = 1 << 20;

    private ResponseHead(int status, string reason, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] leftover)
    {
        Status = status;
        Reason = reason;
        Headers = headers;
        Leftover = leftover;
    }

    /// <summary>The status code.</summary>
    public int Status { get; }

    /// <summary>The reason phrase.</summary>
    public string Reason { get; }

    /// <summary>Header fields in arrival order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Body bytes read past the head.</summary>
    public byte[] Leftover { get; }

    /// <summary>The first value of header <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Get(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>Reads up to the blank line that ends the head; an early close or a malformed status line is an <see cref="IOException"/>.</summary>
    public static async Task<ResponseHead> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var length = 0;
        while (true)
        {
            var end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                return Parse(Encoding.ASCII.GetString(buffer, 0, end), buffer[(end + 4)..length]);
            }
            if (length == buffer.Length)
            {
                if (buffer.Length >= MaxHeadBytes)
                {
                    throw new IOException("the daemon's response head is too large");
                }
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("the daemon closed the connection before answering");
            }
            length += read;
        }
    }

    private static ResponseHead Parse(string text, byte[] leftover)
    {
        var lines = text.Split("\r\n");
        var statusParts = lines[0].Split(' ', 3);
        if (statusParts.Length < 2 || !statusParts[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(statusParts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new IOException($"malformed response from the daemon: {lines[0]}");
        }
        var headers = new List<KeyValuePair<string, string>>(lines.Length - 1);
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }
        return new ResponseHead(status, statusParts.Length > 2 ? statusParts[2] : "", headers, leftover);
    }
}
