using Wharf.Core.Digests;
using Wharf.Core.Errors;
using Wharf.Core.Oci;
using Wharf.Engine.Containers;
using Wharf.Engine.Images;

namespace Wharf.Engine.Tests.Containers;

public sealed class ContainerListFilterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Digest Base = Digest.Sha256("base"u8);
    private static readonly Digest Child = Digest.Sha256("child"u8);
    private static readonly Digest Other = Digest.Sha256("other"u8);

    private readonly List<ContainerRecord> _containers =
    [
        ContainerTestData.Record(ContainerTestData.Id('e'), "web-2", T0.AddMinutes(5), ContainerStatus.Running, labels: new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" }, imageId: Child.ToString()),
        ContainerTestData.Record(ContainerTestData.Id('d'), "web-1", T0.AddMinutes(4), ContainerStatus.Exited, 3, new Dictionary<string, string> { ["app"] = "web" }, Base.ToString()),
        ContainerTestData.Record(ContainerTestData.Id('c'), "db", T0.AddMinutes(3), ContainerStatus.Exited, 0, new Dictionary<string, string> { ["app"] = "db" }, Other.ToString()),
        ContainerTestData.Record(ContainerTestData.Id('b'), "fresh", T0.AddMinutes(2), ContainerStatus.Created, imageId: Base.ToString()),
        ContainerTestData.Record(ContainerTestData.Id('a'), "worker", T0.AddMinutes(1), ContainerStatus.Running, imageId: Other.ToString()),
    ];

    private readonly FakeImageStore _images = new();

    public ContainerListFilterTests()
    {
        _images.Add(new ImageRecord { Id = Base, Config = new ImageConfig(), RepoTags = ["docker.io/library/base:latest"] });
        _images.Add(new ImageRecord { Id = Child, Config = new ImageConfig(), Parent = Base });
        _images.Add(new ImageRecord { Id = Other, Config = new ImageConfig(), RepoTags = ["docker.io/library/other:latest"] });
    }

    private string[] Names(bool all = false, int limit = 0, bool latest = false, params (string Key, string Value)[] filters)
    {
        var map = filters.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.Value).ToList());
        var options = new ContainerListOptions { All = all, Limit = limit, Latest = latest, Filters = map };
        var filter = new ContainerListFilter(options, v => _containers.First(c => c.Name == v || c.Id.StartsWith(v, StringComparison.Ordinal)), _images);
        return filter.Apply(_containers).Select(c => c.Name).ToArray();
    }

    [Fact]
    public void RunningOnlyByDefault() => Assert.Equal(["web-2", "worker"], Names());

    [Fact]
    public void AllShowsEverythingNewestFirst() => Assert.Equal(["web-2", "web-1", "db", "fresh", "worker"], Names(all: true));

    [Fact]
    public void LimitAndLatestImplyAll()
    {
        Assert.Equal(["web-2", "web-1"], Names(limit: 2));
        Assert.Equal(["web-2"], Names(latest: true));
    }

    [Fact]
    public void StatusFilterImpliesAllAndOrsValues()
    {
        Assert.Equal(["web-1", "db"], Names(filters: ("status", "exited")));
        Assert.Equal(["web-1", "db", "fresh"], Names(filters: [("status", "exited"), ("status", "created")]));
    }

    [Fact]
    public void NameFilterIsRegexOverSlashName()
    {
        Assert.Equal(["web-2", "web-1"], Names(all: true, filters: ("name", "web")));
        Assert.Equal(["web-1"], Names(all: true, filters: ("name", "^/web-1$")));
        Assert.Equal(["web-2", "web-1"], Names(all: true, filters: ("name", "^web")));
        Assert.Empty(Names(all: true, filters: ("name", "^eb")));
    }

    [Fact]
    public void IdFilterMatchesPrefix()
    {
        Assert.Equal(["db"], Names(all: true, filters: ("id", "c000")));
    }

    [Fact]
    public void LabelFiltersAreAnded()
    {
        Assert.Equal(["web-2", "web-1"], Names(all: true, filters: ("label", "app=web")));
        Assert.Equal(["web-2"], Names(all: true, filters: [("label", "app=web"), ("label", "tier")]));
        Assert.Empty(Names(all: true, filters: [("label", "app=web"), ("label", "tier=back")]));
    }

    [Fact]
    public void ExitedFilterNeedsStartedContainer()
    {
        Assert.Equal(["web-1"], Names(all: true, filters: ("exited", "3")));
        Assert.Equal(["db"], Names(all: true, filters: ("exited", "0")));
    }

    [Fact]
    public void AncestorMatchesImageAndDescendants()
    {
        Assert.Equal(["web-2", "web-1", "fresh"], Names(all: true, filters: ("ancestor", "base")));
        Assert.Equal(["web-2"], Names(all: true, filters: ("ancestor", Child.ToString())));
        Assert.Empty(Names(all: true, filters: ("ancestor", "missing")));
    }

    [Fact]
    public void BeforeAndSince()
    {
        Assert.Equal(["fresh", "worker"], Names(all: true, filters: ("before", "db")));
        Assert.Equal(["web-2", "web-1"], Names(all: true, filters: ("since", "db")));
    }

    [Fact]
    public void BadFiltersAreRejected()
    {
        Assert.Equal("invalid filter 'bogus'", Assert.Throws<InvalidArgumentException>(() => Names(filters: ("bogus", "x"))).Message);
        Assert.Equal("invalid filter 'status=sleeping'", Assert.Throws<InvalidArgumentException>(() => Names(filters: ("status", "sleeping"))).Message);
        Assert.Throws<InvalidArgumentException>(() => Names(filters: ("exited", "x")));
    }
}
