using Wharf.Daemon.Hosting;

namespace Wharf.Daemon.Tests.Hosting;

public sealed class IdleMemoryTrimmerTests
{
    [Fact]
    public void NoRequests_NeverTrims()
    {
        using var trimmer = new IdleMemoryTrimmer(TimeSpan.Zero, automatic: false);

        Assert.False(trimmer.Check());
        Assert.Equal(0, trimmer.Trims);
    }

    [Fact]
    public void RequestsStillComing_DoesNotTrim()
    {
        using var trimmer = new IdleMemoryTrimmer(TimeSpan.FromHours(1), automatic: false);
        trimmer.OnRequest();

        Assert.False(trimmer.Check());
    }

    [Fact]
    public void QuietAfterRequests_TrimsOnceUntilTheNextRequest()
    {
        using var trimmer = new IdleMemoryTrimmer(TimeSpan.Zero, automatic: false);
        trimmer.OnRequest();

        Assert.True(trimmer.Check());
        Assert.False(trimmer.Check());
        trimmer.OnRequest();
        Assert.True(trimmer.Check());
        Assert.Equal(2, trimmer.Trims);
    }

    [Fact]
    public async Task Automatic_TrimsByItselfOnceQuiet()
    {
        using var trimmer = new IdleMemoryTrimmer(TimeSpan.FromMilliseconds(50));
        trimmer.OnRequest();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (trimmer.Trims == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.Equal(1, trimmer.Trims);
    }
}
