using Wharf.Integration.Tests.Infrastructure;

namespace Wharf.Integration.Tests;

/// <summary>Both snapshotters run containers; overlay shares one unpacked layer between images that have it.</summary>
public sealed class StorageDriverTests
{
    [Fact]
    public async Task VfsDriverRunsContainers()
    {
        await using var d = await WharfDaemon.StartAsync("vfs");
        await d.ImportBusyboxAsync();
        var info = await d.DockerAsync("info", "--format", "{{.Driver}}");
        Assert.Equal("vfs\n", info.Stdout);
        var r = await d.WharfAsync("run", "--rm", "busybox", "sh", "-c", "echo written > /tmp/f && cat /tmp/f");
        Assert.True(r.ExitCode == 0, r.ToString() + d.ReadLog());
        Assert.Equal("written\n", r.Stdout);
    }

    [Fact]
    public async Task OverlaySharesALayerBetweenImagesAndKeepsItUntilTheLastOneGoes()
    {
        await using var d = await WharfDaemon.StartAsync("overlay");
        await d.ImportBusyboxAsync("first:1");
        var snapshots = Path.Combine(d.DataRoot, "snapshots");
        var afterFirst = Directory.GetDirectories(snapshots).Length;

        await d.ImportBusyboxAsync("second:1");
        Assert.Equal(afterFirst, Directory.GetDirectories(snapshots).Length);
        var ids = await d.WharfAsync("images", "-q", "--no-trunc");
        Assert.Equal(2, ids.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct().Count());

        // A container's writes go to its own upper layer; the shared layer stays untouched.
        var r = await d.WharfAsync("run", "--rm", "first:1", "sh", "-c", "rm /bin/ls && echo gone");
        Assert.Equal("gone\n", r.Stdout);
        Assert.Equal(0, (await d.WharfAsync("run", "--rm", "second:1", "ls", "/")).ExitCode);

        (await d.WharfAsync("rmi", "first:1")).EnsureSuccess("rmi first");
        Assert.Equal(0, (await d.WharfAsync("run", "--rm", "second:1", "true")).ExitCode);
        (await d.WharfAsync("rmi", "second:1")).EnsureSuccess("rmi second");
        Assert.Empty(Directory.GetDirectories(snapshots));
    }
}
