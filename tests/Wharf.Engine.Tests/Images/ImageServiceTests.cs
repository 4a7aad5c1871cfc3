using System.Text.Json;
using Wharf.Core.Digests;
using Wharf.Core.Errors;
using Wharf.Core.Oci;
using Wharf.Core.References;
using Wharf.Engine.Content;
using Wharf.Engine.Images;
using Wharf.Engine.Metadata;
using Wharf.Engine.Snapshots;
using Wharf.Engine.Tests.Filesystem;
using Wharf.Engine.Tests.Layers;

namespace Wharf.Engine.Tests.Images;

public class ImageServiceTests : IDisposable
{
    private readonly TempDirectory _temp = new("wharf-images-test");
    private readonly MetadataDatabase _database;
    private readonly FakeImageUsage _usage = new();
    private DateTimeOffset _now = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public ImageServiceTests()
    {
        _database = new MetadataDatabase(Path.Combine(_temp.Path, "wharf.db"), ImageSchema.AllStorageMigrations);
        Content = new ContentStore(Path.Combine(_temp.Path, "content"));
        Snapshotter = SnapshotterFactory.Create(new EngineOptions { DataRoot = _temp.Path, StorageDriver = Driver }, _database);
        Service = new ImageService(_database, Content, Snapshotter, _usage) { Clock = () => _now = _now.AddMinutes(1) };
    }

    protected virtual string Driver => "overlay";
    protected ContentStore Content { get; }
    protected Snapshotter Snapshotter { get; }
    protected ImageService Service { get; }

    public void Dispose()
    {
        _temp.Dispose();
        _database.Dispose();
    }

    private static byte[] RootfsTar(string marker = "1") => new TarBuilder()
        .Dir("bin/").File("bin/sh", "#!fake shell " + marker, mode: 0b111_101_101)
        .Dir("etc/").File("etc/os-release", "ID=test")
        .Build();

    private Task<ImageRecord> Import(string? repository, byte[]? tar = null, params string[] changes) =>
        Service.ImportAsync(new MemoryStream(tar ?? RootfsTar()), new ImportOptions { Repository = repository, Changes = changes });

    private void AssertNothingStored()
    {
        Assert.Empty(Service.Store.List());
        Assert.Empty(Snapshotter.List());
        Assert.Empty(Directory.GetFileSystemEntries(Snapshotter.Root));
        Assert.Empty(Content.List());
        Assert.Empty(Content.ListIngests());
        Assert.Empty(Service.Store.RecordedLayers());
    }

    [Fact]
    public async Task ImportBuildsConfigStoresBlobUnpacksAndTags()
    {
        var tar = RootfsTar();
        var image = await Import("myimg", TarBuilder.Gzip(tar), "CMD [\"sh\"]", "ENV A=b");
        var blob = Content.ReadAllBytes(image.Id);
        Assert.Equal(image.Id, Digest.Sha256(blob));
        var config = JsonSerializer.Deserialize(blob, CoreJsonContext.Default.ImageConfig)!;
        Assert.Equal("linux", config.Os);
        Assert.False(string.IsNullOrEmpty(config.Architecture));
        Assert.Equal([Digest.Sha256(tar).ToString()], config.RootFs.DiffIds);
        Assert.Equal(["sh"], config.Config!.Cmd);
        Assert.Equal(["A=b"], config.Config.Env);
        Assert.Equal("Imported from -", config.Comment);
        var history = Assert.Single(config.History!);
        Assert.Equal("Imported from -", history.Comment);
        Assert.Null(history.CreatedBy);
        Assert.Equal(["docker.io/library/myimg:latest"], image.RepoTags);
        Assert.Equal([Digest.Sha256(tar)], image.ChainIds);
        Assert.True(Snapshotter.Exists(image.TopSnapshot!));
        Assert.Equal("#!fake shell 1".Length + "ID=test".Length, image.Size);
        Assert.Equal([image.TopSnapshot!], Snapshotter.List());

        var message = await Service.ImportAsync(new MemoryStream(tar), new ImportOptions { Repository = "other", Tag = "v2", Message = "hello" });
        Assert.Equal("hello", message.Config.Comment);
        Assert.Equal(["docker.io/library/other:v2"], message.RepoTags);
        Assert.Single(Snapshotter.List()); // Same layer, shared.
    }

    [Fact]
    public async Task ResolveByEveryForm()
    {
        var image = await Import("example.com:5000/team/app:1.0");
        var digestRef = ImageReference.Parse("example.com:5000/team/app@sha256:" + new string('a', 64));
        Service.Store.SetReference(digestRef, image.Id);
        foreach (var form in new[]
        {
            image.Id.ToString(), image.Id.Hex, image.Id.Hex[..12], image.Id.Hex[..5], "sha256:" + image.Id.Hex[..12],
            "example.com:5000/team/app:1.0", "example.com:5000/team/app@sha256:" + new string('a', 64),
            "example.com:5000/team/app:1.0@sha256:" + new string('a', 64),
        })
        {
            Assert.Equal(image.Id, Service.Resolve(form).Id);
        }
        Assert.Null(Service.TryResolve("example.com:5000/team/app"));
        Assert.Equal("No such image: nope:1", Assert.Throws<NotFoundException>(() => Service.Resolve("nope:1")).Message);
        Assert.Equal("No such image: nope:latest", Assert.Throws<NotFoundException>(() => Service.Resolve("docker.io/library/nope")).Message);
        Assert.Equal("No such image: sha256:" + new string('b', 64), Assert.Throws<NotFoundException>(() => Service.Resolve(new string('b', 64))).Message);
        Assert.Throws<InvalidArgumentException>(() => Service.Resolve("UPPER"));
        Assert.Null(Service.TryResolve("UPPER"));
    }

    [Fact]
    public async Task BusyboxNormalisation()
    {
        var image = await Import("busybox");
        Assert.Equal(image.Id, Service.Resolve("busybox").Id);
        Assert.Equal(image.Id, Service.Resolve("busybox:latest").Id);
        Assert.Equal(image.Id, Service.Resolve("docker.io/library/busybox:latest").Id);
        Assert.Equal(image.Id, Service.Resolve("library/busybox").Id);
        Assert.Equal(image.Id, Service.Resolve("index.docker.io/library/busybox").Id);
    }

    [Fact]
    public async Task TagAndListFilters()
    {
        var a = await Import("alpha", RootfsTar("a"), "LABEL team=red tier=web");
        var b = await Import("beta:v1", RootfsTar("b"), "LABEL team=blue");
        var c = await Import(null, RootfsTar("c"));
        Service.Tag("alpha", "registry.local/alpha:v1");
        Assert.Throws<InvalidArgumentException>(() => Service.Tag("alpha", "x@sha256:" + new string('a', 64)));
        Assert.Throws<NotFoundException>(() => Service.Tag("missing", "x"));

        Assert.Equal([c.Id, b.Id, a.Id], Service.List().Select(i => i.Id));
        Assert.Equal([c.Id], List(("dangling", "true")).Select(i => i.Id));
        Assert.Equal([b.Id, a.Id], List(("dangling", "false")).Select(i => i.Id));
        Assert.Equal([a.Id], List(("label", "tier")).Select(i => i.Id));
        Assert.Equal([b.Id], List(("label", "team=blue")).Select(i => i.Id));
        Assert.Empty(List(("label", "team=blue"), ("label", "tier")));
        Assert.Equal([c.Id, b.Id], List(("label!", "tier")).Select(i => i.Id));
        Assert.Equal([a.Id], List(("before", "beta:v1")).Select(i => i.Id));
        Assert.Equal([c.Id], List(("since", "beta:v1")).Select(i => i.Id));
        // As Go's path.Match: '*' stops at '/', so "*:v1" does not match registry.local/alpha:v1.
        Assert.Equal([b.Id], List(("reference", "*:v1")).Select(i => i.Id));
        var byPattern = List(("reference", "*/*:v1"), ("reference", "beta"));
        Assert.Equal([b.Id, a.Id], byPattern.Select(i => i.Id));
        Assert.Equal(["docker.io/library/beta:v1"], byPattern[0].RepoTags);
        Assert.Equal(["registry.local/alpha:v1"], byPattern[1].RepoTags);
        Assert.Equal([a.Id], List(("reference", "alpha")).Select(i => i.Id));
        Assert.Equal([a.Id], List(("reference", "registry.local/*")).Select(i => i.Id));
        Assert.Throws<InvalidArgumentException>(() => List(("dangling", "maybe")));
        Assert.Throws<InvalidArgumentException>(() => List(("bogus", "x")));
        Assert.Throws<NotFoundException>(() => List(("since", "nope")));
    }

    [Fact]
    public async Task IntermediateImagesShowOnlyWithAll()
    {
        var parent = await Import(null);
        var childConfig = JsonSerializer.Deserialize(Content.ReadAllBytes(parent.Id), CoreJsonContext.Default.ImageConfig)!;
        childConfig.Config!.User = "child";
        var child = Service.Store.Add(JsonSerializer.SerializeToUtf8Bytes(childConfig, CoreJsonContext.Default.ImageConfig), parent.Id,
            [ImageReference.Parse("child:latest")]);
        Assert.Equal([child.Id], Service.List().Select(i => i.Id));
        Assert.Equal(2, Service.List(new ImageListOptions { All = true }).Count);
        Assert.Empty(List(("dangling", "true")));
        var error = Assert.Throws<ConflictException>(() => Service.Remove(parent.Id.ToString(), force: true));
        Assert.Equal($"conflict: unable to delete {parent.Id.Short} (cannot be forced) - image has dependent child images", error.Message);

        // Removing the child prunes the untagged parent too; noprune keeps it.
        var removed = Service.Remove("child");
        Assert.Equal(
            [ImageDeleteEntry.ForUntagged("child:latest"), ImageDeleteEntry.ForDeleted(child.Id.ToString()), ImageDeleteEntry.ForDeleted(parent.Id.ToString()), ImageDeleteEntry.ForDeleted(parent.ChainIds[0].ToString())],
            removed);
        AssertNothingStored();
    }

    private IReadOnlyList<ImageRecord> List(params (string Key, string Value)[] filters) =>
        Service.List(new ImageListOptions
        {
            Filters = filters.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.Value).ToList()),
        });

    [Fact]
    public async Task RemoveUntagsFirstThenDeletesWithBlobAndSnapshot()
    {
        var image = await Import("app:1");
        Service.Tag("app:1", "app:2");
        Assert.Equal([ImageDeleteEntry.ForUntagged("app:1")], Service.Remove("app:1"));
        Assert.Equal(["docker.io/library/app:2"], Service.Resolve(image.Id.ToString()).RepoTags);
        var removed = Service.Remove("app:2");
        Assert.Equal([ImageDeleteEntry.ForUntagged("app:2"), ImageDeleteEntry.ForDeleted(image.Id.ToString()), ImageDeleteEntry.ForDeleted(image.ChainIds[0].ToString())], removed);
        AssertNothingStored();
        Assert.Equal("No such image: app:2", Assert.Throws<NotFoundException>(() => Service.Remove("app:2")).Message);
    }

    [Fact]
    public async Task RemoveByIdWithSeveralRepositoriesNeedsForce()
    {
        var image = await Import("one");
        Service.Tag("one", "two");
        var error = Assert.Throws<ConflictException>(() => Service.Remove(image.Id.Hex[..12]));
        Assert.Equal($"conflict: unable to delete {image.Id.Short} (must be forced) - image is referenced in multiple repositories", error.Message);
        var removed = Service.Remove(image.Id.Hex[..12], force: true);
        Assert.Contains(ImageDeleteEntry.ForUntagged("one:latest"), removed);
        Assert.Contains(ImageDeleteEntry.ForUntagged("two:latest"), removed);
        Assert.Contains(ImageDeleteEntry.ForDeleted(image.Id.ToString()), removed);
        AssertNothingStored();
    }

    [Fact]
    public async Task RemoveByIdWithOneTagUntagsAndDeletes()
    {
        var image = await Import("solo");
        var removed = Service.Remove(image.Id.ToString());
        Assert.Equal([ImageDeleteEntry.ForUntagged("solo:latest"), ImageDeleteEntry.ForDeleted(image.Id.ToString()), ImageDeleteEntry.ForDeleted(image.ChainIds[0].ToString())], removed);
        AssertNothingStored();
    }

    [Fact]
    public async Task SharedLayersAreReleasedOnlyByTheLastImage()
    {
        var first = await Import("first", null, "USER a");
        var second = await Import("second", null, "USER b");
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.ChainIds, second.ChainIds);
        Assert.DoesNotContain(ImageDeleteEntry.ForDeleted(first.ChainIds[0].ToString()), Service.Remove("first"));
        Assert.True(Snapshotter.Exists(first.TopSnapshot!));
        Assert.False(Content.Exists(first.Id));
        Assert.Contains(ImageDeleteEntry.ForDeleted(first.ChainIds[0].ToString()), Service.Remove("second"));
        AssertNothingStored();
    }

    [Fact]
    public async Task ContainersBlockRemoval()
    {
        var image = await Import("used");
        var containerId = new string('c', 64);
        _usage.Containers.Add((containerId, image.Id.ToString(), false));

        var byName = Assert.Throws<ConflictException>(() => Service.Remove("used"));
        Assert.Equal($"conflict: unable to remove repository reference \"used\" (must force) - container cccccccccccc is using its referenced image {image.Id.Short}", byName.Message);
        var byId = Assert.Throws<ConflictException>(() => Service.Remove(image.Id.Hex));
        Assert.Equal($"conflict: unable to delete {image.Id.Short} (must be forced) - image is being used by stopped container cccccccccccc", byId.Message);
        Assert.Equal(["docker.io/library/used:latest"], Service.Resolve(image.Id.Hex).RepoTags);

        _usage.Containers[0] = (containerId, image.Id.ToString(), true);
        var running = Assert.Throws<ConflictException>(() => Service.Remove(image.Id.Hex, force: true));
        Assert.Equal($"conflict: unable to delete {image.Id.Short} (cannot be forced) - image is being used by running container cccccccccccc", running.Message);
        // Forcing by name only untags while a running container needs the image.
        Assert.Equal([ImageDeleteEntry.ForUntagged("used:latest")], Service.Remove("used", force: true));
        Assert.NotNull(Service.TryResolve(image.Id.Hex));

        _usage.Containers[0] = (containerId, image.Id.ToString(), false);
        Assert.Contains(ImageDeleteEntry.ForDeleted(image.Id.ToString()), Service.Remove(image.Id.Hex, force: true));
        Assert.Null(Service.TryResolve(image.Id.Hex));
    }

    [Fact]
    public async Task ConcurrentImportsOfOneLayerShareOneSnapshot()
    {
        var images = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Import("para" + i, null, $"USER u{i}")));
        Assert.Equal(6, images.Select(i => i.Id).Distinct().Count());
        Assert.Equal([images[0].TopSnapshot!], Snapshotter.List());
        foreach (var image in images)
        {
            Service.Remove(image.Id.ToString());
        }
        AssertNothingStored();
    }

    [Fact]
    public async Task BadImportsLeaveNothing()
    {
        var tar = RootfsTar();
        var gz = TarBuilder.Gzip(tar);
        var escaping = new TarBuilder().File("ok", "1").File("../../escape", "x").Build();
        var inputs = new[] { tar[..700], gz[..(gz.Length / 2)], "not a tar at all, just text"u8.ToArray().Concat(new byte[600]).ToArray(), escaping };
        foreach (var (input, index) in inputs.Select((x, i) => (x, i)))
        {
            var error = await Record.ExceptionAsync(() => Import("bad", input));
            Assert.True(error is InvalidArgumentException, $"input {index}: {error}");
            AssertNothingStored();
        }
        await Assert.ThrowsAsync<InvalidArgumentException>(() => Import("bad", tar, "BOGUS x"));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => Import("Bad Name", tar));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => Service.ImportAsync(new MemoryStream(tar), new ImportOptions { Platform = "windows/amd64" }));
        AssertNothingStored();
        Assert.False(File.Exists(Path.Combine(_temp.Path, "escape")));
        Assert.Null(Service.TryResolve("bad"));
    }

    [Fact]
    public async Task RecoverRemovesLeftoversOfACrash()
    {
        var image = await Import("keep");
        Snapshotter.Prepare(ImageService.ExtractKeyPrefix + "crashed", null);
        Snapshotter.Prepare("sha256-unrelated-container", image.TopSnapshot);
        Snapshotter.Prepare("tmp", null);
        Snapshotter.Commit("sha256:" + new string('d', 64), "tmp");
        Directory.CreateDirectory(Path.Combine(Snapshotter.Root, "424242", "fs"));
        using (var writer = Content.OpenWriter("half-written"))
        {
            writer.Write("partial"u8);
        }
        Content.Delete(image.Id);

        var report = Service.Recover();
        Assert.Equal(2, report.RemovedSnapshots);
        Assert.Equal(1, report.RemovedOrphanDirectories);
        Assert.Equal(1, report.RemovedIngests);
        Assert.Equal(new[] { image.TopSnapshot!, "sha256-unrelated-container" }.Order(StringComparer.Ordinal), Snapshotter.List().Order(StringComparer.Ordinal));
        Assert.True(Content.Exists(image.Id));
        Assert.Equal(image.Id, Service.Resolve("keep").Id);
    }
}

public sealed class VfsImageServiceTests : ImageServiceTests
{
    protected override string Driver => "vfs";
}
