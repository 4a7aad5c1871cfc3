using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Wharf.Cli.Tests.Client;

internal sealed class FakeExchange(NetworkStream stream, Socket socket, BufferedReader reader)
{
    public bool Closed { get; private set; }

    public BufferedReader Reader => reader;

    public Task RespondAsync(int status, string? json = null, string? contentType = "application/json", params (string Key, string Value)[] headers)
    {
        var body = json is null ? [] : Encoding.UTF8.GetBytes(json);
        var head = new StringBuilder($"HTTP/1.1 {status} X\r\nApi-Version: 1.44\r\nContent-Length: {body.Length}\r\n");
        if (json is not null && contentType is not null)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }
        foreach (var (key, value) in headers)
        {
            head.Append(key).Append(": ").Append(value).Append("\r\n");
        }
        head.Append("\r\n");
        return WriteAsync([.. Encoding.ASCII.GetBytes(head.ToString()), .. body]);
    }

    public Task StartChunkedAsync(int status = 200, string contentType = "application/json") =>
        WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} OK\r\nApi-Version: 1.44\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked\r\n\r\n"));

    public Task WriteChunkAsync(byte[] data) =>
        WriteAsync([.. Encoding.ASCII.GetBytes(data.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), .. data, .. "\r\n"u8.ToArray()]);

    public Task EndChunkedAsync() => WriteAsync("0\r\n\r\n"u8.ToArray());

    public Task UpgradeAsync(string contentType = "application/vnd.docker.multiplexed-stream") =>
        WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 101 UPGRADED\r\nContent-Type: {contentType}\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n"));

    public async Task WriteAsync(byte[] data)
    {
        await stream.WriteAsync(data);
        await stream.FlushAsync();
    }

    public void Close()
    {
        Closed = true;
        socket.Shutdown(SocketShutdown.Both);
    }

    public static byte[] Frame(byte streamType, string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var frame = new byte[8 + payload.Length];
        frame[0] = streamType;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }
}
