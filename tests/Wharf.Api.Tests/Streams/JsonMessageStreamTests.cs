using System.Text;
using Wharf.Api.Models;
using Wharf.Api.Streams;

namespace Wharf.Api.Tests.Streams;

public sealed class JsonMessageStreamTests
{
    [Fact]
    public async Task Write_EmitsOneCompactObjectPerLineWithoutEmptyFields()
    {
        var ms = new MemoryStream();
        await JsonMessageStream.WriteAsync(ms, new JsonMessage { Status = "Pulling fs layer", Id = "abc" });
        await JsonMessageStream.WriteAsync(ms, JsonMessage.FromError("boom"));
        Assert.Equal(
            "{\"status\":\"Pulling fs layer\",\"id\":\"abc\"}\n{\"error\":\"boom\",\"errorDetail\":{\"message\":\"boom\"}}\n",
            Encoding.UTF8.GetString(ms.ToArray()));
    }

    [Fact]
    public async Task Read_AcceptsNewlineSeparatedAndConcatenatedObjects()
    {
        var text = "{\"status\":\"a\"}\n{\"stream\":\"Step 1/2\\n\"}{\"progressDetail\":{\"current\":5,\"total\":10},\"id\":\"x\"}\r\n\n";
        var messages = new List<JsonMessage>();
        await foreach (var m in JsonMessageStream.ReadAllAsync(new OneByteStream(Encoding.UTF8.GetBytes(text))))
        {
            messages.Add(m);
        }
        Assert.Equal(3, messages.Count);
        Assert.Equal("a", messages[0].Status);
        Assert.Equal("Step 1/2\n", messages[1].Stream);
        Assert.Equal(5, messages[2].ProgressDetail!.Current);
        Assert.Equal(10, messages[2].ProgressDetail!.Total);
    }

    [Fact]
    public async Task Read_AuxIsKeptAsJson()
    {
        var text = "{\"aux\":{\"ID\":\"sha256:abc\"}}\n";
        await foreach (var m in JsonMessageStream.ReadAllAsync(new MemoryStream(Encoding.UTF8.GetBytes(text))))
        {
            Assert.Equal("sha256:abc", m.Aux!.Value.GetProperty("ID").GetString());
        }
    }

    [Fact]
    public async Task Read_TruncatedMessage_Throws()
    {
        await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var _ in JsonMessageStream.ReadAllAsync(new MemoryStream("{\"status\":\"a\"}\n{\"sta"u8.ToArray())))
            {
            }
        });
    }

    /// <summary>Hands out one byte per read, so every message straddles reads.</summary>
    private sealed class OneByteStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
