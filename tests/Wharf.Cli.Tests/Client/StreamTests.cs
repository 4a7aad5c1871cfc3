using System.Net;
using System.Text;
using Wharf.Api.Client;
using Wharf.Api.Streams;

namespace Wharf.Cli.Tests.Client;

public sealed class StreamTests
{
    [Fact]
    public async Task DemultiplexesFramesSplitAcrossReads()
    {
        var data = FakeExchange.Frame(1, "out").Concat(FakeExchange.Frame(2, "err")).Concat(FakeExchange.Frame(1, "!")).ToArray();
        var source = new TrickleStream(data);
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        await MultiplexedStream.CopyAsync(source, stdout, stderr);
        Assert.Equal("out!", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal("err", Encoding.UTF8.GetString(stderr.ToArray()));
    }

    [Fact]
    public async Task SystemErrorFrameFails()
    {
        var source = new MemoryStream(FakeExchange.Frame(3, "boom"));
        var e = await Assert.ThrowsAsync<IOException>(() => MultiplexedStream.CopyAsync(source, Stream.Null, Stream.Null));
        Assert.Contains("boom", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonMessageReaderThrowsOnErrorDetail()
    {
        var text = "{\"status\":\"Pulling\",\"id\":\"latest\"}\n{\"errorDetail\":{\"message\":\"manifest unknown\"},\"error\":\"manifest unknown\"}\n";
        var messages = new List<string>();
        var e = await Assert.ThrowsAsync<JsonMessageException>(async () =>
        {
            await foreach (var m in JsonMessageReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text))))
            {
                messages.Add(JsonMessageReader.Render(m));
            }
        });
        Assert.Equal("manifest unknown", e.Message);
        Assert.Equal(["latest: Pulling\n"], messages);
    }

    [Fact]
    public async Task HijackReadsBytesThatArriveWithTheHead()
    {
        await using var daemon = new FakeDaemon(async (req, ex) =>
        {
            await ex.WriteAsync([.. "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\nearly"u8.ToArray()]);
            var input = await ex.Reader.ReadToEndAsync();
            await ex.WriteAsync([.. " echo:"u8.ToArray(), .. input]);
            ex.Close();
        });
        using var client = new WharfClient(DockerEndpoint.Parse(daemon.Host), "1.44");
        await using var connection = await client.AttachContainerAsync("c1", stdin: true, stdout: true, stderr: true);
        Assert.False(connection.IsMultiplexed);
        await connection.WriteAsync("ping"u8.ToArray());
        await connection.CloseWriteAsync();
        var output = new MemoryStream();
        await connection.Output.CopyToAsync(output);
        Assert.Equal("early echo:ping", Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal("POST /v1.44/containers/c1/attach?stderr=1&stdin=1&stdout=1&stream=1", Assert.Single(daemon.Requests));
    }

    [Fact]
    public async Task HijackErrorResponseBecomesDaemonError()
    {
        await using var daemon = new FakeDaemon(async (req, ex) => await ex.RespondAsync(404, "{\"message\":\"No such container: c1\"}"));
        using var client = new WharfClient(DockerEndpoint.Parse(daemon.Host), "1.44");
        var e = await Assert.ThrowsAsync<DaemonErrorException>(() => client.AttachContainerAsync("c1", false, true, true));
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal("No such container: c1", e.Message);
    }

    [Fact]
    public async Task WaitReturnsAfterHeadersAndResultLater()
    {
        var release = new TaskCompletionSource();
        await using var daemon = new FakeDaemon(async (req, ex) =>
        {
            await ex.StartChunkedAsync();
            await release.Task;
            await ex.WriteChunkAsync("{\"StatusCode\":7,\"Error\":{\"Message\":\"\"}}"u8.ToArray());
            await ex.EndChunkedAsync();
        });
        using var client = new WharfClient(DockerEndpoint.Parse(daemon.Host), "1.44");
        var wait = await client.WaitContainerAsync("c1", "next-exit");
        Assert.False(wait.IsCompleted);
        release.SetResult();
        var result = await wait;
        Assert.Equal(7, result.StatusCode);
        Assert.Null(result.ErrorMessage);
    }

    private sealed class TrickleStream(byte[] data) : Stream
    {
        private int _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= data.Length || count == 0)
            {
                return 0;
            }
            buffer[offset] = data[_position++];
            return 1;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
