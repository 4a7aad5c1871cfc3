using System.Net.Sockets;
using System.Text;
using Wharf.Api.Streams;
using Wharf.Daemon.Hosting;
using Wharf.Daemon.Http;
using Wharf.Daemon.Routers;
using Wharf.Daemon.Tests.Infrastructure;

namespace Wharf.Daemon.Tests.Http;

/// <summary>
/// The connection shim under Kestrel, driven with raw sockets the way the docker CLI does: an upgrade request that
/// carries a body must be upgraded, and a client half-close must only end stdin while output keeps flowing.
/// </summary>
public sealed class HijackShimTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private readonly EchoExecRouter _router = new();
    private ApiHost? _app;

    private string SocketPath => _dir.Combine("api.sock");

    public async Task InitializeAsync()
    {
        _app = ApiServer.Build(["unix://" + SocketPath], [_router], "warn");
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _dir.Dispose();
    }

    [Fact]
    public async Task UpgradeWithBody_ThenHalfClose_StdinSeesEofAndLaterOutputArrives()
    {
        using var socket = RawHttp.Connect(SocketPath);
        const string body = "{\"Detach\":false,\"Tty\":false}";
        var request = "POST /v1.44/exec/abc/start HTTP/1.1\r\nHost: api.moby.localhost\r\nUser-Agent: Docker-Client/28.2.2 (linux)\r\n"
            + $"Content-Length: {body.Length}\r\nConnection: Upgrade\r\nContent-Type: application/json\r\nUpgrade: tcp\r\n\r\n" + body;
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));

        var (head, _) = await RawHttp.ReadHeadAsync(socket, TimeSpan.FromSeconds(10));
        Assert.StartsWith("HTTP/1.1 101 ", head);
        Assert.Contains("Content-Type: application/vnd.docker.multiplexed-stream", head);
        Assert.Contains("Upgrade: tcp", head);
        Assert.Contains("Connection: Upgrade", head, StringComparison.OrdinalIgnoreCase);

        await socket.SendAsync("some stdin"u8.ToArray());
        socket.Shutdown(SocketShutdown.Send);

        var rest = await RawHttp.ReadToEndAsync(socket, TimeSpan.FromSeconds(10));
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        await MultiplexedStream.CopyAsync(new MemoryStream(rest), stdout, stderr);
        Assert.Equal($"body={body}\nstdin=some stdin\nafter half-close\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal("on stderr\n", Encoding.UTF8.GetString(stderr.ToArray()));
    }

    [Fact]
    public async Task UpgradeWithChunkedBody_IsUpgradedToo()
    {
        using var socket = RawHttp.Connect(SocketPath);
        const string body = "{\"Detach\":false,\"Tty\":true}";
        var request = "POST /exec/abc/start HTTP/1.1\r\nHost: docker\r\nTransfer-Encoding: chunked\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n"
            + $"{body.Length:x}\r\n{body}\r\n0\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        var (head, _) = await RawHttp.ReadHeadAsync(socket, TimeSpan.FromSeconds(10));
        Assert.StartsWith("HTTP/1.1 101 ", head);
        Assert.Contains("application/vnd.docker.raw-stream", head);
        socket.Shutdown(SocketShutdown.Send);
        var rest = Encoding.UTF8.GetString(await RawHttp.ReadToEndAsync(socket, TimeSpan.FromSeconds(10)));
        Assert.Equal($"body={body}\nstdin=\nafter half-close\non stderr\n", rest);
    }

    [Fact]
    public async Task KeepAlive_NormalRequestWithBodyThenHijackOnTheSameConnection()
    {
        using var socket = RawHttp.Connect(SocketPath);
        const string first = "{\"x\":\"a body the shim must step over, with \\r\\n\\r\\n inside\"}";
        const string body = "{\"Detach\":false,\"Tty\":true}";
        var requests = $"POST /echo HTTP/1.1\r\nHost: d\r\nContent-Length: {Encoding.UTF8.GetByteCount(first)}\r\n\r\n{first}"
            + "POST /v1.44/containers/c1/attach?stream=1&stdout=1 HTTP/1.1\r\nHost: d\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n"
            + $"Content-Length: {body.Length}\r\n\r\n{body}";
        await socket.SendAsync(Encoding.ASCII.GetBytes(requests));
        socket.Shutdown(SocketShutdown.Send);
        var all = Encoding.UTF8.GetString(await RawHttp.ReadToEndAsync(socket, TimeSpan.FromSeconds(10)));
        Assert.StartsWith("HTTP/1.1 200 ", all);
        Assert.Contains("echo=" + first, all);
        Assert.Contains("HTTP/1.1 101 ", all);
        Assert.EndsWith($"body={body}\nstdin=\nafter half-close\non stderr\n", all);
    }

    [Fact]
    public async Task AttachWithoutUpgrade_IsAPlainStreamedResponse()
    {
        var r = await RawHttp.SendAsync(SocketPath, "POST", "/containers/c1/attach?stream=1&stdout=1", "{\"Tty\":true}");
        Assert.Equal(200, r.Status);
        Assert.Equal("application/vnd.docker.raw-stream", r.Header("Content-Type"));
        Assert.StartsWith("body={\"Tty\":true}\n", r.Text);
    }

    [Fact]
    public async Task SpoofedBodyHeader_IsStripped()
    {
        using var socket = RawHttp.Connect(SocketPath);
        var request = "POST /exec/abc/start HTTP/1.1\r\nHost: d\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n"
            + $"{HijackRequestRewriter.BodyHeader}: {Convert.ToBase64String("{\"Tty\":true}"u8.ToArray())}\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        socket.Shutdown(SocketShutdown.Send);
        var all = await RawHttp.ReadToEndAsync(socket, TimeSpan.FromSeconds(10));
        // Without a (real) body the router sees Tty=false: multiplexed frames.
        Assert.Contains("application/vnd.docker.multiplexed-stream", Encoding.ASCII.GetString(all));
    }

    /// <summary>A stand-in for the exec/attach routes: echoes body and stdin, waits past the half-close, then writes more.</summary>
    private sealed class EchoExecRouter : IApiRouter
    {
        public void Map(RouteTable routes)
        {
            routes.Post("/exec/{id}/start", HandleAsync);
            routes.Post("/containers/{id}/attach", HandleAsync);
            routes.Post("/echo", async request =>
            {
                using var reader = new StreamReader(request.Context.Request.Body);
                var text = await reader.ReadToEndAsync();
                request.Context.Response.ContentLength = 5 + Encoding.UTF8.GetByteCount(text);
                await request.Context.Response.WriteAsync("echo=" + text);
            });
        }

        private static async Task HandleAsync(ApiRequest request)
        {
            var body = await HijackedStream.ReadBodyAsync(request.Context);
            var text = Encoding.UTF8.GetString(body);
            var tty = text.Contains("\"Tty\":true", StringComparison.Ordinal);
            await using var stream = await HijackedStream.BeginAsync(request, tty);
            await stream.WriteAsync(StdioStreamType.Stdout, Encoding.UTF8.GetBytes($"body={text}\n"));
            var stdin = new MemoryStream();
            await stream.Stdin.CopyToAsync(stdin);
            await stream.WriteAsync(StdioStreamType.Stdout, Encoding.UTF8.GetBytes($"stdin={Encoding.UTF8.GetString(stdin.ToArray())}\n"));
            await Task.Delay(500);
            await stream.WriteAsync(StdioStreamType.Stdout, "after half-close\n"u8.ToArray());
            await stream.WriteAsync(StdioStreamType.Stderr, "on stderr\n"u8.ToArray());
        }
    }
}
