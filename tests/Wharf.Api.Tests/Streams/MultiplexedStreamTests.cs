using System.Text;
using Wharf.Api.Streams;

namespace Wharf.Api.Tests.Streams;

public sealed class MultiplexedStreamTests
{
    [Fact]
    public void Header_IsStreamByteThreeZerosAndBigEndianLength()
    {
        var frame = MultiplexedStream.Encode(StdioStreamType.Stderr, new byte[0x0102]);
        Assert.Equal(new byte[] { 2, 0, 0, 0, 0, 0, 1, 2 }, frame[..8]);
        Assert.Equal(8 + 0x0102, frame.Length);
    }

    [Fact]
    public async Task WriteThenRead_RoundTripsAndDemultiplexes()
    {
        var ms = new MemoryStream();
        await MultiplexedStream.WriteAsync(ms, StdioStreamType.Stdout, "hello\n"u8.ToArray());
        await MultiplexedStream.WriteAsync(ms, StdioStreamType.Stderr, "oops\n"u8.ToArray());
        await MultiplexedStream.WriteAsync(ms, StdioStreamType.Stdout, Array.Empty<byte>());
        await MultiplexedStream.WriteAsync(ms, StdioStreamType.Stdout, "bye\n"u8.ToArray());
        ms.Position = 0;
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        await MultiplexedStream.CopyAsync(ms, stdout, stderr);
        Assert.Equal("hello\nbye\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal("oops\n", Encoding.UTF8.GetString(stderr.ToArray()));
    }

    [Fact]
    public async Task LargePayload_IsSplitIntoFramesAndReassembled()
    {
        var payload = Enumerable.Range(0, MultiplexedStream.MaxFramePayload * 2 + 17).Select(i => (byte)i).ToArray();
        var ms = new MemoryStream();
        await MultiplexedStream.WriteAsync(ms, StdioStreamType.Stdout, payload);
        ms.Position = 0;
        var frames = 0;
        var all = new MemoryStream();
        while (await MultiplexedStream.ReadFrameAsync(ms) is { } f)
        {
            frames++;
            all.Write(f.Payload.Span);
        }
        Assert.Equal(3, frames);
        Assert.Equal(payload, all.ToArray());
    }

    [Fact]
    public async Task TruncatedFrame_Throws()
    {
        var frame = MultiplexedStream.Encode(StdioStreamType.Stdout, "abcdef"u8);
        var ms = new MemoryStream(frame[..10]);
        await Assert.ThrowsAsync<InvalidDataException>(async () => await MultiplexedStream.ReadFrameAsync(ms));
    }

    [Fact]
    public async Task SystemErrorFrame_FailsTheCopy()
    {
        var ms = new MemoryStream(MultiplexedStream.Encode(StdioStreamType.SystemError, "boom"u8));
        var ex = await Assert.ThrowsAsync<IOException>(() => MultiplexedStream.CopyAsync(ms, Stream.Null, Stream.Null));
        Assert.Contains("boom", ex.Message);
    }
}
