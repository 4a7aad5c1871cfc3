using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Wharf.Api.Client;

namespace Wharf.Api.Tests.Client;

/// <summary>WharfClient's own HTTP/1.1 transport against a scripted server on a real unix socket.</summary>
public sealed class EngineHttpTransportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wharf-http-").FullName;
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);

    public EngineHttpTransportTests()
    {
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(8);
    }

    private string SocketPath => Path.Combine(_directory, "d.sock");

    public void Dispose()
    {
        _listener.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task SendsJsonWithContentLengthAndReadsAChunkedReply()
    {
        var server = ServeOnceAsync("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "7\r\n{\"Id\":\"\r\n5\r\nabc\"}\r\n0\r\n\r\n");
        using var client = NewClient();
        var reply = await client.SendForJsonAsync(HttpMethod.Post, "/containers/create", new JsonObject { ["Image"] = "busybox" });
        var request = await server;
        Assert.Equal("abc", reply!["Id"]!.GetValue<string>());
        Assert.StartsWith("POST /v1.44/containers/create HTTP/1.1\r\n", request.Head);
        Assert.Contains("Host: api.moby.localhost\r\n", request.Head);
        Assert.Contains("Content-Length: 19\r\n", request.Head);
        Assert.Contains("Content-Type: application/json", request.Head);
        Assert.Equal("{\"Image\":\"busybox\"}", request.Body);
    }

    [Fact]
    public async Task StreamsABodyOfUnknownLengthChunked()
    {
        var server = ServeOnceAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        using var client = NewClient();
        var payload = new string('x', 100_000);
        using var content = new StreamContent(new NonSeekable(Encoding.ASCII.GetBytes(payload)));
        using var response = await client.SendAsync(HttpMethod.Post, "/images/load", content);
        var request = await server;
        Assert.Contains("Transfer-Encoding: chunked\r\n", request.Head);
        Assert.Equal(payload, request.Body);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StreamsAReplyAsItArrives()
    {
        using var client = NewClient();
        var accepted = _listener.AcceptAsync();
        var send = client.SendAsync(HttpMethod.Get, "/events", completion: HttpCompletionOption.ResponseHeadersRead);
        using var connection = await accepted;
        await ReadRequestAsync(connection);
        await connection.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nfirst\n\r\n"));
        using var response = await send;
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("first", await reader.ReadLineAsync());
        await connection.SendAsync(Encoding.ASCII.GetBytes("7\r\nsecond\n\r\n0\r\n\r\n"));
        Assert.Equal("second", await reader.ReadLineAsync());
        Assert.Null(await reader.ReadLineAsync());
    }

    [Fact]
    public async Task AnErrorStatusCarriesTheDaemonsMessage()
    {
        var server = ServeOnceAsync("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 37\r\n\r\n{\"message\":\"No such container: nope\"}");
        using var client = NewClient();
        var e = await Assert.ThrowsAsync<DaemonErrorException>(() => client.SendNoContentAsync(HttpMethod.Post, "/containers/nope/start"));
        await server;
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal("No such container: nope", e.Message);
    }

    [Fact]
    public async Task HeadRepliesHaveNoBodyAndKeepTheirHeaders()
    {
        var server = ServeOnceAsync("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\n");
        using var client = new WharfClient(DockerEndpoint.Parse("unix://" + SocketPath));
        Assert.Equal("1.41", await client.PingAsync());
        Assert.StartsWith("HEAD /_ping HTTP/1.1\r\n", (await server).Head);
    }

    [Fact]
    public async Task ADaemonThatClosesEarlyIsUnreachableNotAHang()
    {
        var accepted = _listener.AcceptAsync();
        using var client = NewClient();
        var send = client.SendNoContentAsync(HttpMethod.Post, "/containers/x/stop");
        using (var connection = await accepted)
        {
            await ReadRequestAsync(connection);
        }
        await Assert.ThrowsAsync<DaemonUnreachableException>(() => send);
    }

    private WharfClient NewClient() => new(DockerEndpoint.Parse("unix://" + SocketPath), "1.44");

    private async Task<(string Head, string Body)> ServeOnceAsync(string reply)
    {
        using var connection = await _listener.AcceptAsync();
        var request = await ReadRequestAsync(connection);
        await connection.SendAsync(Encoding.ASCII.GetBytes(reply));
        connection.Shutdown(SocketShutdown.Send);
        return request;
    }

    /// <summary>Reads one request: its head, then a Content-Length or chunked body.</summary>
    private static async Task<(string Head, string Body)> ReadRequestAsync(Socket connection)
    {
        var data = new List<byte>();
        var buffer = new byte[65536];
        int end;
        while ((end = IndexOf(data, "\r\n\r\n"u8.ToArray())) < 0)
        {
            var n = await connection.ReceiveAsync(buffer);
            Assert.True(n > 0, "client closed before sending a request");
            data.AddRange(buffer.AsSpan(0, n).ToArray());
        }
        var head = Encoding.ASCII.GetString(data.GetRange(0, end + 4).ToArray());
        var rest = data.GetRange(end + 4, data.Count - end - 4);
        var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var chunked = head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase);
        async Task More()
        {
            var n = await connection.ReceiveAsync(buffer);
            Assert.True(n > 0, "client closed in the middle of its body");
            rest.AddRange(buffer.AsSpan(0, n).ToArray());
        }
        if (lengthLine is not null)
        {
            var length = int.Parse(lengthLine.Split(':')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            while (rest.Count < length)
            {
                await More();
            }
            return (head, Encoding.ASCII.GetString(rest.ToArray()));
        }
        if (!chunked)
        {
            return (head, "");
        }
        var body = new StringBuilder();
        while (true)
        {
            int lineEnd;
            while ((lineEnd = IndexOf(rest, "\r\n"u8.ToArray())) < 0)
            {
                await More();
            }
            var size = Convert.ToInt32(Encoding.ASCII.GetString(rest.GetRange(0, lineEnd).ToArray()), 16);
            while (rest.Count < lineEnd + 2 + size + 2)
            {
                await More();
            }
            body.Append(Encoding.ASCII.GetString(rest.GetRange(lineEnd + 2, size).ToArray()));
            rest.RemoveRange(0, lineEnd + 2 + size + 2);
            if (size == 0)
            {
                return (head, body.ToString());
            }
        }
    }

    private static int IndexOf(List<byte> data, byte[] pattern) => data.ToArray().AsSpan().IndexOf(pattern);

    private sealed class NonSeekable(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
