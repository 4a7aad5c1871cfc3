using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Wharf.Daemon.Http;

namespace Wharf.Daemon.Tests.Http;

public sealed class HijackRequestRewriterTests
{
    private static async Task<string> RunAsync(string input, int chunkSize)
    {
        var pipe = new Pipe();
        var rewriter = new HijackRequestRewriter();
        var bytes = Encoding.Latin1.GetBytes(input);
        for (var i = 0; i < bytes.Length; i += chunkSize)
        {
            rewriter.Process(new ReadOnlySequence<byte>(bytes, i, Math.Min(chunkSize, bytes.Length - i)), pipe.Writer);
        }
        rewriter.Finish(pipe.Writer);
        await pipe.Writer.CompleteAsync();
        var ms = new MemoryStream();
        await pipe.Reader.CopyToAsync(ms);
        return Encoding.Latin1.GetString(ms.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task OrdinaryRequests_PassThroughUnchanged(int chunkSize)
    {
        var input = "POST /build HTTP/1.1\r\nHost: d\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n3\r\n\r\n\r\n\r\n0\r\nTrailer: x\r\n\r\n"
            + "PUT /containers/x/archive?path=/ HTTP/1.1\r\nHost: d\r\nContent-Length: 8\r\n\r\n\r\n\r\nabcd"
            + "GET /_ping HTTP/1.1\r\nHost: d\r\n\r\n";
        Assert.Equal(input, await RunAsync(input, chunkSize));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    public async Task HijackWithContentLengthBody_MovesTheBodyIntoAHeader(int chunkSize)
    {
        const string body = "{\"Detach\":false,\"Tty\":false}";
        var input = "GET /_ping HTTP/1.1\r\nHost: d\r\n\r\n"
            + $"POST /v1.44/exec/abc/start HTTP/1.1\r\nHost: d\r\nContent-Length: {body.Length}\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n{body}"
            + "raw stdin bytes\r\n\r\nPOST /not/a/request HTTP/1.1\r\n\r\n";
        var output = await RunAsync(input, chunkSize);
        var expected = "GET /_ping HTTP/1.1\r\nHost: d\r\n\r\n"
            + "POST /v1.44/exec/abc/start HTTP/1.1\r\nHost: d\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n"
            + $"{HijackRequestRewriter.BodyHeader}: {Convert.ToBase64String(Encoding.UTF8.GetBytes(body))}\r\n\r\n"
            + "raw stdin bytes\r\n\r\nPOST /not/a/request HTTP/1.1\r\n\r\n";
        Assert.Equal(expected, output);
    }

    [Fact]
    public async Task HijackWithChunkedBody_IsDecodedIntoTheHeader()
    {
        var input = "POST /containers/c/attach?stream=1 HTTP/1.1\r\nHost: d\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive, Upgrade\r\nUpgrade: tcp\r\n\r\n"
            + "3\r\n{\"a\r\n4\r\n\":1}\r\n0\r\n\r\nstdin";
        var output = await RunAsync(input, 3);
        Assert.Equal("POST /containers/c/attach?stream=1 HTTP/1.1\r\nHost: d\r\nConnection: keep-alive, Upgrade\r\nUpgrade: tcp\r\n"
            + $"{HijackRequestRewriter.BodyHeader}: {Convert.ToBase64String("{\"a\":1}"u8.ToArray())}\r\n\r\nstdin", output);
    }

    [Fact]
    public async Task UpgradeOnOtherPaths_IsNotRewritten()
    {
        var input = "POST /containers/c/start HTTP/1.1\r\nHost: d\r\nContent-Length: 2\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n{}";
        Assert.Equal(input, await RunAsync(input, 5));
    }
}
