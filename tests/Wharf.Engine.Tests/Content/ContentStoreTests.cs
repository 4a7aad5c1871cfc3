using System.Text;
using Wharf.Core.Digests;
using Wharf.Core.Errors;
using Wharf.Engine.Content;
using Wharf.Engine.Tests.Filesystem;

namespace Wharf.Engine.Tests.Content;

public sealed class ContentStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ContentStore _store;

    public ContentStoreTests() => _store = new ContentStore(Path.Combine(_temp.Path, "content"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task WriteReadExistsDeleteList()
    {
        var data = Encoding.UTF8.GetBytes("hello blob");
        var digest = await _store.WriteAsync(new MemoryStream(data));
        Assert.Equal(Digest.Sha256(data), digest);
        Assert.True(_store.Exists(digest));
        Assert.True(File.Exists(Path.Combine(_temp.Path, "content/blobs/sha256", digest.Hex)));
        Assert.Equal(data, _store.ReadAllBytes(digest));
        Assert.Equal(data.Length, _store.Info(digest)!.Size);
        Assert.Equal([digest], _store.List().Select(i => i.Digest));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_temp.Path, "content/ingest")));
        Assert.True(_store.Delete(digest));
        Assert.False(_store.Exists(digest));
        Assert.False(_store.Delete(digest));
        Assert.Throws<NotFoundException>(() => _store.OpenRead(digest));
    }

    [Fact]
    public async Task CorruptContentIsRefusedAndNothingIsVisible()
    {
        var data = Encoding.UTF8.GetBytes("the real content");
        var expected = Digest.Sha256(data);
        var corrupt = Encoding.UTF8.GetBytes("the fake content");
        await Assert.ThrowsAsync<InvalidArgumentException>(() => _store.WriteAsync(new MemoryStream(corrupt), expected));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => _store.WriteAsync(new MemoryStream(data), expected, expectedSize: 3));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => _store.WriteAsync(new MemoryStream(data), expected, expectedSize: 300));
        Assert.False(_store.Exists(expected));
        Assert.False(_store.Exists(Digest.Sha256(corrupt)));
        Assert.Empty(_store.List());
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_temp.Path, "content/ingest")));
        Assert.Equal(expected, await _store.WriteAsync(new MemoryStream(data), expected, data.Length));
    }

    [Fact]
    public void InterruptedIngestResumes()
    {
        var data = Encoding.UTF8.GetBytes("0123456789abcdef");
        using (var first = _store.OpenWriter("pull-layer-x"))
        {
            first.Write(data.AsSpan(0, 6));
        }
        Assert.Equal(["pull-layer-x"], _store.ListIngests());
        using var second = _store.OpenWriter("pull-layer-x");
        Assert.Equal(6, second.Offset);
        second.Write(data.AsSpan(6));
        var digest = second.Commit(Digest.Sha256(data), data.Length);
        Assert.Equal(data, _store.ReadAllBytes(digest));
        Assert.Empty(_store.ListIngests());
    }

    [Fact]
    public void CleanupRemovesPartialWrites()
    {
        using (var writer = _store.OpenWriter("abandoned"))
        {
            writer.Write("partial"u8);
        }
        Assert.Equal(1, _store.CleanupIngests());
        Assert.Empty(_store.ListIngests());
        Assert.Empty(_store.List());
    }

    [Fact]
    public void Sha512Blobs()
    {
        var data = "x"u8.ToArray();
        var digest = Digest.Sha512(data);
        Assert.Equal(digest, _store.Write(data, digest));
        Assert.True(File.Exists(Path.Combine(_temp.Path, "content/blobs/sha512", digest.Hex)));
    }
}
