using Wharf.Engine.Events;

namespace Wharf.Engine.Tests.Events;

public sealed class EventLogTests
{
    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 22, 0, 0, TimeSpan.Zero);

    private static long Nano(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    [Fact]
    public void NothingIsReplayedWithoutSinceOrUntil()
    {
        var log = new EventLog();
        log.Publish(EventTypes.Container, "create", "abc");
        using var subscription = log.Subscribe(null, null);
        Assert.Empty(subscription.Replay);
    }

    [Fact]
    public void SinceAndUntilSelectTheWindowOldestFirst()
    {
        var time = new ManualTime(T0);
        var log = new EventLog(time: time);
        foreach (var action in new[] { "create", "start", "die", "destroy" })
        {
            log.Publish(EventTypes.Container, action, "abc");
            time.Now += TimeSpan.FromSeconds(1);
        }
        using var subscription = log.Subscribe(Nano(T0.AddSeconds(1)), Nano(T0.AddSeconds(2)));
        Assert.Equal(["start", "die"], subscription.Replay.Select(m => m.Action));
    }

    [Fact]
    public void KeepsOnlyTheLastEventsUpToCapacity()
    {
        var log = new EventLog(capacity: 3);
        for (var i = 0; i < 5; i++)
        {
            log.Publish(EventTypes.Container, "a" + i, "abc");
        }
        using var subscription = log.Subscribe(0, null);
        Assert.Equal(["a2", "a3", "a4"], subscription.Replay.Select(m => m.Action));
    }

    [Fact]
    public void TimesAreStrictlyIncreasingEvenWithinOneClockTick()
    {
        var log = new EventLog(time: new ManualTime(T0));
        log.Publish(EventTypes.Image, "tag", "sha256:1");
        log.Publish(EventTypes.Image, "untag", "sha256:1");
        using var subscription = log.Subscribe(0, null);
        Assert.True(subscription.Replay[1].TimeNano > subscription.Replay[0].TimeNano);
        Assert.Equal(Nano(T0) / 1_000_000_000, subscription.Replay[0].Time);
    }

    [Fact]
    public async Task LiveSubscribersGetFilteredEventsAndDisposeUnsubscribes()
    {
        var log = new EventLog();
        var subscription = log.Subscribe(null, null, new EventFilter(new Dictionary<string, IReadOnlyList<string>> { ["event"] = ["start"] }));
        Assert.Equal(1, log.SubscriberCount);
        log.Publish(EventTypes.Container, "create", "abc");
        log.Publish(EventTypes.Container, "start", "abc");
        var first = await subscription.Live.ReadAsync();
        Assert.Equal("start", first.Action);
        subscription.Dispose();
        Assert.Equal(0, log.SubscriberCount);
        Assert.False(await subscription.Live.WaitToReadAsync());
    }
}
