using Wharf.Integration.Tests.Infrastructure;

namespace Wharf.Integration.Tests;

/// <summary>Containers outlive a SIGKILLed daemon; a restarted daemon sees them and records exits that happened meanwhile.</summary>
public sealed class DaemonRestartTests
{
    [Fact]
    public async Task ContainersSurviveKillMinus9AndExitsAreRecorded()
    {
        await using var d = await WharfDaemon.StartAsync();
        await d.ImportBusyboxAsync();
        (await d.WharfAsync("run", "-d", "--name", "survivor", "busybox", "sh", "-c", "echo alive; trap 'exit 0' TERM; while true; do sleep 0.1; done")).EnsureSuccess("run survivor");
        (await d.WharfAsync("run", "-d", "--name", "quitter", "busybox", "sh", "-c", "sleep 1; echo bye; exit 7")).EnsureSuccess("run quitter");

        var survivorId = (await d.WharfAsync("inspect", "-f", "{{.Id}}", "survivor")).Stdout.Trim();

        await d.KillHardAsync();
        await Task.Delay(2500);
        var alive = await ProcessRunner.RunAsync("runc", ["--root", Path.Combine(d.ExecRoot, "runc"), "state", survivorId]);
        Assert.Contains("\"status\": \"running\"", alive.Stdout);

        await d.StartProcessAsync();
        var ps = await d.WharfAsync("ps", "-a", "--format", "{{.Names}} {{.Status}}");
        Assert.Contains("survivor Up", ps.Stdout);
        Assert.Contains("quitter Exited (7)", ps.Stdout);
        Assert.Equal("alive\n", (await d.WharfAsync("logs", "survivor")).Stdout);
        Assert.Equal("bye\n", (await d.WharfAsync("logs", "quitter")).Stdout);
        Assert.Equal("exited 7\n", (await d.WharfAsync("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "quitter")).Stdout);

        var stop = await d.WharfAsync("stop", "survivor");
        Assert.True(stop.ExitCode == 0, stop.ToString() + d.ReadLog());
        Assert.Equal("exited 0\n", (await d.WharfAsync("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "survivor")).Stdout);
    }
}
