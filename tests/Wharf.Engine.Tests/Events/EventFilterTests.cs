using Wharf.Engine.Events;

namespace Wharf.Engine.Tests.Events;

public sealed class EventFilterTests
{
    private static EventMessage Container(string action, string id = "0123456789abcdef", string name = "web", string image = "busybox:latest", params (string, string)[] labels)
    {
        var attributes = new Dictionary<string, string> { ["name"] = name, ["image"] = image };
        foreach (var (k, v) in labels)
        {
            attributes[k] = v;
        }
        return new EventMessage(EventTypes.Container, action, id, attributes, 1);
    }

    private static EventFilter Filter(params (string Key, string Value)[] values) =>
        new(values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(v => v.Value).ToList()));

    [Fact]
    public void EmptyFilterIncludesEverything() => Assert.True(EventFilter.None.Include(Container("start")));

    [Fact]
    public void TypeAndEventMatchExactly()
    {
        Assert.True(Filter(("type", "container"), ("event", "start")).Include(Container("start")));
        Assert.False(Filter(("type", "image")).Include(Container("start")));
        Assert.False(Filter(("event", "sta")).Include(Container("start")));
        Assert.True(Filter(("event", "start"), ("event", "die")).Include(Container("die")));
    }

    [Fact]
    public void HealthAndExecEventsMatchByPrefix()
    {
        Assert.True(Filter(("event", "health_status")).Include(Container("health_status: healthy")));
        Assert.True(Filter(("event", "exec_start")).Include(Container("exec_start: sh -c true")));
        Assert.False(Filter(("event", "exec_create")).Include(Container("exec_start: sh")));
    }

    [Fact]
    public void ContainerMatchesIdPrefixOrName()
    {
        Assert.True(Filter(("container", "0123")).Include(Container("start")));
        Assert.True(Filter(("container", "web")).Include(Container("start")));
        Assert.False(Filter(("container", "db")).Include(Container("start")));
    }

    [Fact]
    public void ContainerFilterExcludesOtherTypes()
    {
        var network = new EventMessage(EventTypes.Network, "create", "n1", new Dictionary<string, string> { ["name"] = "front", ["type"] = "bridge" }, 1);
        Assert.False(Filter(("container", "web")).Include(network));
        Assert.True(Filter(("network", "front")).Include(network));
    }

    [Fact]
    public void ImageMatchesContainerImageAndNameWithoutTag()
    {
        Assert.True(Filter(("image", "busybox")).Include(Container("start")));
        Assert.True(Filter(("image", "busybox:latest")).Include(Container("start")));
        Assert.False(Filter(("image", "alpine")).Include(Container("start")));
        var tag = new EventMessage(EventTypes.Image, "tag", "sha256:abc", new Dictionary<string, string> { ["name"] = "me/app:v1" }, 1);
        Assert.True(Filter(("image", "me/app")).Include(tag));
        Assert.True(Filter(("image", "sha256:abc")).Include(tag));
    }

    [Fact]
    public void AllLabelsMustHold()
    {
        var message = Container("start", labels: [("tier", "web"), ("team", "a")]);
        Assert.True(Filter(("label", "tier=web"), ("label", "team")).Include(message));
        Assert.False(Filter(("label", "tier=web"), ("label", "team=b")).Include(message));
        Assert.False(Filter(("label", "missing")).Include(message));
    }
}
