using Wharf.Integration.Tests.Infrastructure;

namespace Wharf.Integration.Tests;

/// <summary>Health state survives a daemon restart: status and probe log stay, and probing resumes for running containers.</summary>
public sealed class HealthDaemonRestartTests
{
    [Fact]
    public async Task HealthIsKeptAndProbingResumesAfterADaemonRestart()
    {
        await using var d = await WharfDaemon.StartAsync();
        await d.ImportBusyboxAsync();
        (await d.DockerAsync("run", "-d", "--name", "probed", "--health-cmd", "true", "--health-interval", "1s", "busybox", "sleep", "300"))
            .EnsureSuccess("run");
        var deadline = DateTime.UtcNow.AddSeconds(90);
        string before;
        do
        {
            await Task.Delay(200);
            before = (await d.DockerAsync("inspect", "-f", "{{json .State.Health}}", "probed")).Stdout;
        }
        while (!before.Contains("\"Status\":\"healthy\"", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        Assert.Contains("\"Status\":\"healthy\"", before);
        var lastBefore = LifecycleGapsTests.LastProbeStart(before);

        await d.KillHardAsync();
        await d.StartProcessAsync();
        var restartedAt = DateTimeOffset.UtcNow;
        var after = (await d.DockerAsync("inspect", "-f", "{{json .State.Health}}", "probed")).Stdout;
        // Not "starting" with an empty log, as a fresh start would be.
        Assert.Contains("\"Status\":\"healthy\"", after);
        Assert.True(LifecycleGapsTests.LastProbeStart(after) >= lastBefore, after);

        string resumed;
        do
        {
            await Task.Delay(200);
            resumed = (await d.DockerAsync("inspect", "-f", "{{json .State.Health}}", "probed")).Stdout;
        }
        while (LifecycleGapsTests.LastProbeStart(resumed) <= restartedAt && DateTime.UtcNow < deadline.AddSeconds(30));
        Assert.True(LifecycleGapsTests.LastProbeStart(resumed) > restartedAt, resumed + d.ReadLog());
        Assert.Contains("\"Status\":\"healthy\"", resumed);
        (await d.DockerAsync("rm", "-f", "probed")).EnsureSuccess("rm");
    }
}
