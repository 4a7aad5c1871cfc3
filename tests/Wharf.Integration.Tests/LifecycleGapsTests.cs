using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Wharf.Integration.Tests.Infrastructure;
using static Wharf.Integration.Tests.Infrastructure.LifecycleProbe;

namespace Wharf.Integration.Tests;

/// <summary>
/// Session-3 lifecycle gaps, driven by the real docker CLI against a private daemon: paused containers are not probed,
/// rm -f's kill/die/destroy events, <c>--ipc</c> sharing /dev/shm, commit's layer blob, and diff of opaque directories.
/// </summary>
[Collection(DaemonCollection.Name)]
public sealed class LifecycleGapsTests(DaemonFixture fixture)
{
    private readonly WharfDaemon _d = fixture.Daemon;

    [Fact]
    public async Task APausedContainerIsNotProbedAndProbingResumesAfterUnpause()
    {
        var name = Unique("paused-health");
        (await _d.DockerAsync("run", "-d", "--name", name, "--health-cmd", "true", "--health-interval", "1s", "busybox", "sleep", "300"))
            .EnsureSuccess("run");
        try
        {
            var healthy = await PollAsync(() => _d.DockerAsync("inspect", "-f", "{{.State.Health.Status}}", name), r => r.Stdout == "healthy\n");
            Assert.Equal("healthy\n", healthy.Stdout);
            (await _d.DockerAsync("pause", name)).EnsureSuccess("pause");
            var pausedLog = (await _d.DockerAsync("inspect", "-f", "{{json .State.Health.Log}}", name)).Stdout;
            // Docker stops the monitor of a paused container and reports it unhealthy (CloseMonitorChannel).
            Assert.Equal("unhealthy\n", (await _d.DockerAsync("inspect", "-f", "{{.State.Health.Status}}", name)).Stdout);
            await Task.Delay(3500);
            Assert.Equal(pausedLog, (await _d.DockerAsync("inspect", "-f", "{{json .State.Health.Log}}", name)).Stdout);

            var unpausedAt = DateTimeOffset.UtcNow;
            (await _d.DockerAsync("unpause", name)).EnsureSuccess("unpause");
            var resumed = await PollAsync(() => _d.DockerAsync("inspect", "-f", "{{json .State.Health}}", name),
                r => LastProbeStart(r.Stdout) > unpausedAt && r.Stdout.Contains("\"Status\":\"healthy\"", StringComparison.Ordinal));
            Assert.True(LastProbeStart(resumed.Stdout) > unpausedAt, resumed.Stdout);
            Assert.Contains("\"Status\":\"healthy\"", resumed.Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
        }
    }

    internal static DateTimeOffset LastProbeStart(string healthJson)
    {
        using var doc = JsonDocument.Parse(healthJson);
        var log = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement : doc.RootElement.GetProperty("Log");
        return log.GetArrayLength() == 0 ? DateTimeOffset.MinValue : log[log.GetArrayLength() - 1].GetProperty("Start").GetDateTimeOffset();
    }

    [Fact]
    public async Task ForceRemovingARunningContainerEmitsKillDieDestroy()
    {
        var name = Unique("rmf");
        (await _d.DockerAsync("run", "-d", "--name", name, "busybox", "sleep", "300")).EnsureSuccess("run");
        var since = Unix(DateTimeOffset.UtcNow);
        (await _d.DockerAsync("rm", "-f", name)).EnsureSuccess("rm -f");
        var until = Unix(DateTimeOffset.UtcNow.AddSeconds(1));
        var events = await _d.DockerAsync("events", "--since", since, "--until", until, "--filter", "container=" + name,
            "--format", "{{.Action}}");
        Assert.Equal("kill\ndie\ndestroy\n", events.Stdout);
        var kill = await _d.DockerAsync("events", "--since", since, "--until", until, "--filter", "container=" + name,
            "--filter", "event=kill", "--format", "{{index .Actor.Attributes \"signal\"}} {{.Actor.Attributes.name}}");
        Assert.Equal($"9 {name}\n", kill.Stdout);
    }

    [Fact]
    public async Task IpcContainerModeSharesTheDonorsDevShm()
    {
        var donor = Unique("ipc-donor");
        var priv = Unique("ipc-private");
        (await _d.DockerAsync("run", "-d", "--name", donor, "--ipc", "shareable", "busybox", "sleep", "300")).EnsureSuccess("run donor");
        (await _d.DockerAsync("run", "-d", "--name", priv, "busybox", "sleep", "300")).EnsureSuccess("run private");
        try
        {
            var donorId = (await _d.DockerAsync("inspect", "-f", "{{.Id}}", donor)).Stdout.Trim();
            var write = await _d.DockerAsync("run", "--rm", "--ipc", "container:" + donor, "busybox", "sh", "-c", "echo shared > /dev/shm/note");
            Assert.True(write.ExitCode == 0, write.ToString());
            Assert.Equal("shared\n", (await _d.DockerAsync("exec", donor, "cat", "/dev/shm/note")).Stdout);
            // Both ways: what the donor writes, a joiner reads.
            (await _d.DockerAsync("exec", donor, "sh", "-c", "echo back > /dev/shm/reply")).EnsureSuccess("exec write");
            Assert.Equal("back\n", (await _d.DockerAsync("run", "--rm", "--ipc", "container:" + donor, "busybox", "cat", "/dev/shm/reply")).Stdout);
            // A private container's /dev/shm is its own.
            Assert.NotEqual(0, (await _d.DockerAsync("exec", priv, "cat", "/dev/shm/note")).ExitCode);

            var refused = await _d.DockerAsync("run", "--rm", "--ipc", "container:" + priv, "busybox", "true");
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("non-shareable IPC (hint: use IpcMode:shareable for the donor container)", refused.Stderr);

            var none = await _d.DockerAsync("run", "--rm", "--ipc", "none", "busybox", "grep", "-c", " /dev/shm ", "/proc/mounts");
            Assert.Equal("0\n", none.Stdout);

            var shm = Path.Combine(_d.DataRoot, "containers", donorId, "shm");
            Assert.Contains(" " + shm + " ", File.ReadAllText($"/proc/{_d.Pid}/mountinfo"));
            (await _d.DockerAsync("stop", "-t", "1", donor)).EnsureSuccess("stop donor");
            Assert.DoesNotContain(" " + shm + " ", File.ReadAllText($"/proc/{_d.Pid}/mountinfo"));
            (await _d.DockerAsync("start", donor)).EnsureSuccess("start donor again");
            Assert.NotEqual(0, (await _d.DockerAsync("exec", donor, "cat", "/dev/shm/note")).ExitCode);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", donor, priv);
        }
    }

    [Fact]
    public async Task CommitStoresTheLayerBlobUnderItsDiffId()
    {
        var name = Unique("commit-blob");
        var image = "lc3-commit-" + Guid.NewGuid().ToString("N")[..6];
        (await _d.DockerAsync("run", "--name", name, "busybox", "sh", "-c", "echo payload > /committed.txt")).EnsureSuccess("run");
        try
        {
            (await _d.DockerAsync("commit", name, image)).EnsureSuccess("commit");
            var layers = (await _d.DockerAsync("image", "inspect", "-f", "{{json .RootFS.Layers}}", image)).Stdout;
            var diffIds = JsonSerializer.Deserialize<List<string>>(layers)!;
            Assert.Equal(2, diffIds.Count);
            var blob = Path.Combine(_d.DataRoot, "content", "blobs", "sha256", diffIds[^1]["sha256:".Length..]);
            Assert.True(File.Exists(blob), $"no layer blob at {blob}");
            await using (var stream = File.OpenRead(blob))
            {
                Assert.Equal(diffIds[^1], "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)));
            }
            var listing = await ProcessRunner.RunAsync("tar", ["-tf", blob]);
            Assert.Contains("committed.txt", listing.Stdout);
            Assert.Equal("payload\n", (await _d.DockerAsync("run", "--rm", image, "cat", "/committed.txt")).Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
            await _d.DockerAsync("rmi", "-f", image);
        }
    }

    [Fact]
    public async Task DiffShowsARecreatedDirectoryAsDeleted()
    {
        var name = Unique("diff-opaque");
        (await _d.DockerAsync("run", "--name", name, "busybox", "sh", "-c", "rm -rf /var && mkdir -p /var/www && echo x > /var/new")).EnsureSuccess("run");
        try
        {
            var diff = await _d.DockerAsync("diff", name);
            Assert.True(diff.ExitCode == 0, diff.ToString());
            Assert.Equal("D /var\nA /var/new\nC /var/www\n", diff.Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task StatsWithoutContainersFollowsWhatRuns()
    {
        var first = Unique("stats-first");
        var second = Unique("stats-second");
        (await _d.DockerAsync("run", "-d", "--name", first, "busybox", "sleep", "300")).EnsureSuccess("run first");
        try
        {
            var stats = ProcessRunner.RunAsync("timeout", ["-s", "INT", "9", BuildOutput.Wharf, "-H", _d.Host, "stats", "--format", "{{.Name}}"],
                timeout: TimeSpan.FromSeconds(60));
            await Task.Delay(3000);
            (await _d.DockerAsync("run", "-d", "--name", second, "busybox", "sleep", "300")).EnsureSuccess("run second");
            (await _d.DockerAsync("stop", "-t", "0", first)).EnsureSuccess("stop first");
            var output = (await stats).Stdout;
            var frames = output.Split("\u001b[2J\u001b[H", StringSplitOptions.RemoveEmptyEntries);
            Assert.True(frames.Length >= 3, output);
            Assert.Contains(frames, f => f.Contains(first, StringComparison.Ordinal));
            Assert.Contains(second, frames[^1]);
            Assert.DoesNotContain(first, frames[^1]);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", first, second);
        }
    }
}
