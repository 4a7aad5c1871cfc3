using Wharf.Core.Errors;
using Wharf.Engine.Containers;
using Wharf.Engine.Metadata;

namespace Wharf.Engine.Tests.Containers;

public sealed class ContainerStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wharf-cstore-").FullName;
    private readonly MetadataDatabase _database;
    private readonly ContainerStore _store;
    private readonly DateTimeOffset _t0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public ContainerStoreTests()
    {
        _database = new MetadataDatabase(Path.Combine(_dir, "wharf.db"), ContainerSchema.Migrations);
        _store = new ContainerStore(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void RoundTripsEveryField()
    {
        var record = ContainerTestData.Record(ContainerTestData.Id('a'), "web", _t0, ContainerStatus.Exited, 3,
            new Dictionary<string, string> { ["k"] = "v" }) with
        {
            ConmonPid = 42,
            LogPath = "/x/log",
            Driver = "overlay2",
            HostConfig = new ContainerHostConfig { NetworkMode = "host", AutoRemove = true, CapAdd = ["NET_ADMIN"], RestartPolicy = new RestartPolicy("always") },
            State = new ContainerState { Status = ContainerStatus.Exited, ExitCode = 3, Error = "boom", StartedAt = _t0, FinishedAt = _t0.AddSeconds(2), OomKilled = true },
        };
        _store.Add(record);
        var read = _store.Get(record.Id)!;
        Assert.Equal("web", read.Name);
        Assert.Equal(_t0, read.Created);
        Assert.Equal(ContainerStatus.Exited, read.State.Status);
        Assert.Equal(3, read.State.ExitCode);
        Assert.Equal("boom", read.State.Error);
        Assert.Equal(_t0.AddSeconds(2), read.State.FinishedAt);
        Assert.True(read.State.OomKilled);
        Assert.Equal(42, read.ConmonPid);
        Assert.Equal("host", read.HostConfig.NetworkMode);
        Assert.True(read.HostConfig.AutoRemove);
        Assert.Equal(["NET_ADMIN"], read.HostConfig.CapAdd!);
        Assert.Equal("always", read.HostConfig.RestartPolicy.Name);
        Assert.Equal("v", read.Config.Labels!["k"]);
        Assert.Equal(["-c", "true"], read.Args);
        Assert.Equal("sh -c true", read.Command);
    }

    [Fact]
    public void ResolvesInDockerOrder()
    {
        var a = ContainerTestData.Id('a', '1');
        var b = ContainerTestData.Id('a', '2');
        _store.Add(ContainerTestData.Record(a, "first", _t0));
        _store.Add(ContainerTestData.Record(b, "second", _t0.AddSeconds(1)));

        Assert.Equal(a, _store.Resolve(a).Id);
        Assert.Equal(b, _store.Resolve("second").Id);
        Assert.Equal(b, _store.Resolve("/second").Id);
        Assert.Equal(a, _store.Resolve("a1").Id);
        var ambiguous = Assert.Throws<InvalidArgumentException>(() => _store.Resolve("a"));
        Assert.Equal("multiple IDs found with provided prefix: a", ambiguous.Message);
        var missing = Assert.Throws<NotFoundException>(() => _store.Resolve("nothing"));
        Assert.Equal("No such container: nothing", missing.Message);
    }

    [Fact]
    public void ExactNameWinsOverIdPrefix()
    {
        var a = ContainerTestData.Id('a', 'b');
        var named = ContainerTestData.Id('c');
        _store.Add(ContainerTestData.Record(a, "x1", _t0));
        _store.Add(ContainerTestData.Record(named, "ab", _t0));
        Assert.Equal(named, _store.Resolve("ab").Id);
    }

    [Fact]
    public void NameConflictHasDockerText()
    {
        var a = ContainerTestData.Id('a');
        _store.Add(ContainerTestData.Record(a, "web", _t0));
        var error = Assert.Throws<ConflictException>(() => _store.Add(ContainerTestData.Record(ContainerTestData.Id('b'), "web", _t0)));
        Assert.Equal(
            $"Conflict. The container name \"/web\" is already in use by container \"{a}\". You have to remove (or rename) that container to be able to reuse that name.",
            error.Message);
        Assert.Single(_store.List());
    }

    [Fact]
    public void ListsNewestFirstAndDeletes()
    {
        _store.Add(ContainerTestData.Record(ContainerTestData.Id('a'), "old", _t0));
        _store.Add(ContainerTestData.Record(ContainerTestData.Id('b'), "new", _t0.AddMinutes(1)));
        Assert.Equal(["new", "old"], _store.List().Select(c => c.Name));
        Assert.True(_store.Delete(ContainerTestData.Id('a')));
        Assert.False(_store.Delete(ContainerTestData.Id('a')));
        Assert.Equal(["new"], _store.List().Select(c => c.Name));
    }

    [Fact]
    public void UpdateReplacesState()
    {
        var record = ContainerTestData.Record(ContainerTestData.Id('a'), "web", _t0);
        _store.Add(record);
        Assert.True(_store.Update(record with { State = new ContainerState { Status = ContainerStatus.Running, Pid = 7 }, ConmonPid = 6 }));
        var read = _store.Get(record.Id)!;
        Assert.True(read.State.Running);
        Assert.Equal(7, read.State.Pid);
        Assert.False(_store.Update(record with { Id = ContainerTestData.Id('f') }));
    }

    [Fact]
    public void ReportsImageUsage()
    {
        _store.Add(ContainerTestData.Record(ContainerTestData.Id('a'), "stopped", _t0, ContainerStatus.Exited, imageId: "sha256:img"));
        _store.Add(ContainerTestData.Record(ContainerTestData.Id('b'), "running", _t0, ContainerStatus.Running, imageId: "sha256:img"));
        _store.Add(ContainerTestData.Record(ContainerTestData.Id('c'), "other", _t0, imageId: "sha256:other"));
        Assert.Equal(2, _store.ContainersUsing("sha256:img", runningOnly: false).Count);
        Assert.Equal([ContainerTestData.Id('b')], _store.ContainersUsing("sha256:img", runningOnly: true));
        Assert.Empty(_store.ContainersUsing("sha256:none", runningOnly: false));
    }
}
