using System.Net.Sockets;
using System.Text;

namespace Wharf.Daemon.Tests.Infrastructure;

/// <summary>A response read off a raw socket.</summary>
public sealed record RawResponse(int Status, string StatusLine, Dictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}

/// <summary>Speaks HTTP/1.1 by hand over a unix socket, so tests see exactly the bytes a Docker client would.</summary>
public static class RawHttp
{
    public static Socket Connect(string socketPath)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(socketPath));
        return socket;
    }

    /// <summary>Sends one request with <c>Connection: close</c> and reads the whole response.</summary>
    public static async Task<RawResponse> SendAsync(string socketPath, string method, string path, string? body = null, string? extraHeaders = null)
    {
        using var socket = Connect(socketPath);
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var head = $"{method} {path} HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n{extraHeaders}"
            + (body is null ? "" : $"Content-Type: application/json\r\nContent-Length: {bytes.Length}\r\n") + "\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head).Concat(bytes).ToArray());
        var all = await ReadToEndAsync(socket, TimeSpan.FromSeconds(20));
        return Parse(all, method == "HEAD");
    }

    public static async Task<byte[]> ReadToEndAsync(Socket socket, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var ms = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            if (n == 0)
            {
                return ms.ToArray();
            }
            ms.Write(buffer, 0, n);
        }
    }

    /// <summary>Reads until the head is complete; returns the head text and any bytes read past it.</summary>
    public static async Task<(string Head, byte[] Extra)> ReadHeadAsync(Socket socket, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var ms = new MemoryStream();
        var buffer = new byte[1];
        while (true)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            if (n == 0)
            {
                throw new IOException("connection closed before the response head ended: " + Encoding.ASCII.GetString(ms.ToArray()));
            }
            ms.WriteByte(buffer[0]);
            var data = ms.ToArray();
            if (data.Length >= 4 && data.AsSpan(data.Length - 4).SequenceEqual("\r\n\r\n"u8))
            {
                return (Encoding.ASCII.GetString(data), []);
            }
        }
    }

    public static RawResponse Parse(byte[] all, bool head = false)
    {
        var end = all.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            throw new IOException("no response head in: " + Encoding.UTF8.GetString(all));
        }
        var lines = Encoding.ASCII.GetString(all, 0, end).Split("\r\n");
        var headers = new Dictionary<string, string>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }
        var body = all[(end + 4)..];
        if (!head && headers.TryGetValue("transfer-encoding", out var te) && te.Contains("chunked"))
        {
            body = Dechunk(body);
        }
        return new RawResponse(int.Parse(lines[0].Split(' ')[1]), lines[0], headers, body);
    }

    public static byte[] Dechunk(byte[] data)
    {
        var output = new MemoryStream();
        var pos = 0;
        while (pos < data.Length)
        {
            var eol = data.AsSpan(pos).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(data, pos, eol).Split(';')[0], 16);
            pos += eol + 2;
            if (size == 0)
            {
                break;
            }
            output.Write(data, pos, size);
            pos += size + 2;
        }
        return output.ToArray();
    }
}
