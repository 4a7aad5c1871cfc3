using Wharf.Integration.Tests.Infrastructure;

namespace Wharf.Integration.Tests;

/// <summary>Restart policies across a daemon restart: containers that died while wharfd was away come back per their policy.</summary>
public sealed class LifecycleDaemonRestartTests
{
    [Fact]
    public async Task PoliciesAreAppliedWhenTheDaemonStarts()
    {
        await using var d = await WharfDaemon.StartAsync();
        await d.ImportBusyboxAsync();
        var loop = new[] { "sh", "-c", "trap 'exit 0' TERM; while true; do sleep 0.1; done" };
        (await d.DockerAsync(["run", "-d", "--name", "always", "--restart", "always", "busybox", .. loop])).EnsureSuccess("run always");
        (await d.DockerAsync(["run", "-d", "--name", "unless", "--restart", "unless-stopped", "busybox", .. loop])).EnsureSuccess("run unless");
        (await d.DockerAsync(["run", "-d", "--name", "unless-stopped-by-user", "--restart", "unless-stopped", "busybox", .. loop])).EnsureSuccess("run stopped");
        (await d.DockerAsync(["run", "-d", "--name", "plain", "busybox", .. loop])).EnsureSuccess("run plain");
        (await d.DockerAsync("stop", "-t", "1", "unless-stopped-by-user")).EnsureSuccess("stop");

        var ids = new List<string>();
        foreach (var name in new[] { "always", "unless", "plain" })
        {
            ids.Add((await d.DockerAsync("inspect", "-f", "{{.Id}}", name)).Stdout.Trim());
        }

        await d.KillHardAsync();
        // What a host reboot does to the containers: everything dies while no daemon watches.
        var runcRoot = Path.Combine(d.ExecRoot, "runc");
        foreach (var id in ids)
        {
            await ProcessRunner.RunAsync("runc", ["--root", runcRoot, "kill", "--all", id, "KILL"]);
        }
        await Task.Delay(2000);

        await d.StartProcessAsync();
        var ps = await Poll(() => d.DockerAsync("ps", "-a", "--format", "{{.Names}} {{.State}}"),
            r => r.Stdout.Contains("always running") && r.Stdout.Contains("unless running"));
        Assert.Contains("always running", ps.Stdout);
        Assert.Contains("unless running", ps.Stdout);
        Assert.Contains("unless-stopped-by-user exited", ps.Stdout);
        Assert.Contains("plain exited", ps.Stdout);
        await Task.Delay(1000);
        Assert.Contains("unless-stopped-by-user exited", (await d.DockerAsync("ps", "-a", "--format", "{{.Names}} {{.State}}")).Stdout);
    }

    private static async Task<ProcessResult> Poll(Func<Task<ProcessResult>> probe, Func<ProcessResult, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var result = await probe();
            if (done(result) || DateTime.UtcNow > deadline)
            {
                return result;
            }
            await Task.Delay(250);
        }
    }
}
