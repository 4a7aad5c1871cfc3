using Wharf.Core.Errors;
using Wharf.Engine.Containers;
using Wharf.Engine.Containers.Restart;

namespace Wharf.Engine.Tests.Containers.Lifecycle;

public sealed class RestartManagerTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);

    [Fact]
    public void BackOffStartsAt100msAndDoubles()
    {
        var manager = new RestartManager(new RestartPolicy("always"));
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            Assert.True(manager.ShouldRestart(0, false, Short, out var delay));
            delays.Add(delay);
        }
        Assert.Equal([100, 200, 400, 800], delays.Select(d => (int)d.TotalMilliseconds));
        Assert.Equal(4, manager.RestartCount);
    }

    [Fact]
    public void BackOffIsCappedAtOneMinuteAndResetsAfterTenSecondsOfRunning()
    {
        var manager = new RestartManager(new RestartPolicy("always"));
        TimeSpan delay = default;
        for (var i = 0; i < 20; i++)
        {
            manager.ShouldRestart(1, false, Short, out delay);
        }
        Assert.Equal(TimeSpan.FromMinutes(1), delay);
        manager.ShouldRestart(1, false, TimeSpan.FromSeconds(10), out delay);
        Assert.Equal(TimeSpan.FromMilliseconds(100), delay);
    }

    [Fact]
    public void OnFailureRestartsOnlyFailuresWithinTheRetryCount()
    {
        var manager = new RestartManager(new RestartPolicy("on-failure", 2));
        Assert.False(manager.ShouldRestart(0, false, Short, out _));
        Assert.True(manager.ShouldRestart(1, false, Short, out _));
        Assert.True(manager.ShouldRestart(1, false, Short, out _));
        Assert.False(manager.ShouldRestart(1, false, Short, out _));
        Assert.Equal(2, manager.RestartCount);
    }

    [Fact]
    public void OnFailureCountsEarlierRestarts()
    {
        var manager = new RestartManager(new RestartPolicy("on-failure", 2), restartCount: 2);
        Assert.False(manager.ShouldRestart(1, false, Short, out _));
    }

    [Fact]
    public void OnFailureWithoutMaximumRestartsForever()
    {
        var manager = new RestartManager(new RestartPolicy("on-failure"));
        for (var i = 0; i < 50; i++)
        {
            Assert.True(manager.ShouldRestart(3, false, Short, out _));
        }
    }

    [Fact]
    public void UnlessStoppedHonoursTheManualStopAlwaysDoesNot()
    {
        Assert.False(new RestartManager(new RestartPolicy("unless-stopped")).ShouldRestart(0, true, Short, out _));
        Assert.True(new RestartManager(new RestartPolicy("unless-stopped")).ShouldRestart(0, false, Short, out _));
        Assert.True(new RestartManager(new RestartPolicy("always")).ShouldRestart(0, true, Short, out _));
    }

    [Fact]
    public void NoPolicyAndCancelledManagerNeverRestart()
    {
        Assert.False(new RestartManager(new RestartPolicy("no")).ShouldRestart(1, false, Short, out _));
        Assert.False(new RestartManager(new RestartPolicy("")).ShouldRestart(1, false, Short, out _));
        var manager = new RestartManager(new RestartPolicy("always"));
        manager.Cancel();
        Assert.False(manager.ShouldRestart(1, false, Short, out _));
    }

    [Theory]
    [InlineData("no", 0)]
    [InlineData("", 5)]
    [InlineData("always", 0)]
    [InlineData("unless-stopped", 0)]
    [InlineData("on-failure", 0)]
    [InlineData("on-failure", 3)]
    public void ValidPolicies(string name, int retries) => RestartPolicies.Validate(new RestartPolicy(name, retries));

    [Theory]
    [InlineData("sometimes", 0, "invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'")]
    [InlineData("always", 2, "invalid restart policy: maximum retry count can only be used with 'on-failure'")]
    [InlineData("no", -1, "invalid restart policy: maximum retry count can only be used with 'on-failure' and cannot be negative")]
    [InlineData("on-failure", -1, "invalid restart policy: maximum retry count cannot be negative")]
    public void InvalidPoliciesGetDockersMessages(string name, int retries, string message)
    {
        var e = Assert.Throws<InvalidArgumentException>(() => RestartPolicies.Validate(new RestartPolicy(name, retries)));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void AutoRemoveConflictsWithARestartPolicy()
    {
        RestartPolicies.ValidateWithAutoRemove(new RestartPolicy("no"), autoRemove: true);
        var e = Assert.Throws<InvalidArgumentException>(() => RestartPolicies.ValidateWithAutoRemove(new RestartPolicy("always"), autoRemove: true));
        Assert.Equal("can't create 'AutoRemove' container with restart policy", e.Message);
    }
}
