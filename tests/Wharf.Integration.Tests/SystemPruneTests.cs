using Wharf.Integration.Tests.Infrastructure;

namespace Wharf.Integration.Tests;

/// <summary>
/// <c>container prune</c>, <c>image prune</c> and <c>system prune</c> through the real docker CLI, on a daemon of their own
/// (pruning must not take away what other test classes keep between their steps).
/// </summary>
public sealed class SystemPruneTests : IAsyncLifetime
{
    private WharfDaemon _d = null!;

    public async Task InitializeAsync()
    {
        _d = await WharfDaemon.StartAsync();
        await _d.ImportBusyboxAsync();
    }

    public async Task DisposeAsync() => await _d.DisposeAsync();

    [Fact]
    public async Task PruneRemovesStoppedContainersDanglingImagesAndReportsLikeDocker()
    {
        var stopped = (await _d.DockerAsync("create", "busybox", "true")).EnsureSuccess("create").Stdout.Trim();
        var running = (await _d.DockerAsync("run", "-d", "busybox", "sleep", "60")).EnsureSuccess("run").Stdout.Trim();
        var labelled = (await _d.DockerAsync("create", "--label", "keep=yes", "busybox", "true")).EnsureSuccess("create").Stdout.Trim();

        var filtered = await _d.DockerAsync("container", "prune", "-f", "--filter", "label=keep=yes");
        Assert.True(filtered.ExitCode == 0, filtered + _d.ReadLog());
        Assert.Equal($"Deleted Containers:\n{labelled}\n\nTotal reclaimed space: 0B\n", filtered.Stdout);

        var prune = await _d.DockerAsync("container", "prune", "-f");
        Assert.True(prune.ExitCode == 0, prune + _d.ReadLog());
        Assert.StartsWith($"Deleted Containers:\n{stopped}\n\nTotal reclaimed space: ", prune.Stdout);
        var left = await _d.DockerAsync("ps", "-aq", "--no-trunc");
        Assert.Equal(running + "\n", left.Stdout);

        // A dangling image: a commit without a name.
        var source = (await _d.DockerAsync("run", "-d", "busybox", "sh", "-c", "echo x > /x")).EnsureSuccess("run").Stdout.Trim();
        (await _d.DockerAsync("wait", source)).EnsureSuccess("wait");
        var dangling = (await _d.DockerAsync("commit", source)).EnsureSuccess("commit").Stdout.Trim();
        (await _d.DockerAsync("rm", source)).EnsureSuccess("rm");
        var images = await _d.DockerAsync("image", "prune", "-f");
        Assert.True(images.ExitCode == 0, images + _d.ReadLog());
        Assert.StartsWith("Deleted Images:\n", images.Stdout);
        Assert.Contains("deleted: " + dangling + "\n", images.Stdout);
        Assert.Contains("Total reclaimed space: ", images.Stdout);
        var busybox = await _d.DockerAsync("image", "inspect", "-f", "{{.Id}}", "busybox");
        Assert.Equal(0, busybox.ExitCode);

        (await _d.DockerAsync("create", "busybox", "true")).EnsureSuccess("create");
        var system = await _d.DockerAsync("system", "prune", "-f");
        Assert.True(system.ExitCode == 0, system + _d.ReadLog());
        Assert.StartsWith("Deleted Containers:\n", system.Stdout);
        Assert.Contains("Total reclaimed space:", system.Stdout);
        Assert.Equal(running + "\n", (await _d.DockerAsync("ps", "-aq", "--no-trunc")).Stdout);

        // -a removes every image no container uses; busybox is still used by the running container.
        var all = await _d.DockerAsync("image", "prune", "-a", "-f");
        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Equal(0, (await _d.DockerAsync("image", "inspect", "busybox")).ExitCode);
        (await _d.DockerAsync("rm", "-f", running)).EnsureSuccess("rm");
        var all2 = await _d.DockerAsync("image", "prune", "-a", "-f");
        Assert.Contains("untagged: busybox:latest", all2.Stdout);
        Assert.NotEqual(0, (await _d.DockerAsync("image", "inspect", "busybox")).ExitCode);
    }

    [Fact]
    public async Task WharfPruneCommandsPrintDockersReports()
    {
        var stopped = (await _d.WharfAsync("create", "busybox", "true")).EnsureSuccess("create").Stdout.Trim();
        var prune = await _d.WharfAsync("container", "prune", "-f");
        Assert.True(prune.ExitCode == 0, prune + _d.ReadLog());
        Assert.StartsWith($"Deleted Containers:\n{stopped}\n\nTotal reclaimed space: ", prune.Stdout);
        var nothing = await _d.WharfAsync("image", "prune", "-f");
        Assert.Equal("Total reclaimed space: 0B\n", nothing.Stdout);
        var declined = await _d.WharfAsync(["system", "prune"], "n\n"u8.ToArray());
        Assert.Equal(0, declined.ExitCode);
        Assert.StartsWith("WARNING! This will remove:\n  - all stopped containers\n", declined.Stdout);
        var system = await _d.WharfAsync("system", "prune", "-f", "--volumes");
        Assert.True(system.ExitCode == 0, system + _d.ReadLog());
        Assert.EndsWith("Total reclaimed space: 0B\n", system.Stdout);
    }
}
