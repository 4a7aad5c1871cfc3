using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wharf.Integration.Tests.Infrastructure;
using static Wharf.Integration.Tests.Infrastructure.LifecycleProbe;

namespace Wharf.Integration.Tests;

/// <summary>Events, restart policies, health checks and the pause/unpause/rename/restart verbs, driven by the real docker CLI and wharf.</summary>
[Collection(DaemonCollection.Name)]
public sealed partial class LifecycleTests(DaemonFixture fixture)
{
    private readonly WharfDaemon _d = fixture.Daemon;

    [Fact]
    public async Task EventsSinceUntilShowTheContainerLifecycle()
    {
        var name = Unique("ev");
        var since = Unix(DateTimeOffset.UtcNow.AddSeconds(-1));
        var run = await _d.DockerAsync("run", "--name", name, "busybox", "true");
        Assert.True(run.ExitCode == 0, run.ToString() + _d.ReadLog());
        var id = (await _d.DockerAsync("inspect", "-f", "{{.Id}}", name)).Stdout.Trim();
        (await _d.DockerAsync("rm", name)).EnsureSuccess("rm");
        var until = Unix(DateTimeOffset.UtcNow.AddMilliseconds(500));
        await Task.Delay(600);

        var events = await _d.DockerAsync("events", "--since", since, "--until", until, "--filter", "container=" + name, "--format", "{{.Type}} {{.Action}} {{.Actor.ID}}");
        Assert.True(events.ExitCode == 0, events.ToString());
        var lines = events.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([$"container create {id}", $"container start {id}", $"container die {id}", $"container destroy {id}"],
            lines.Where(l => !l.Contains(" attach ", StringComparison.Ordinal)));

        var starts = await _d.DockerAsync("events", "--since", since, "--until", until, "--filter", "container=" + name, "--filter", "event=start");
        var line = Assert.Single(starts.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@$"^\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{{9}}(Z|[+-]\d\d:\d\d) container start {id} \(image=busybox, name={name}\)$", line);

        var json = await _d.DockerAsync("events", "--since", since, "--until", until, "--filter", "container=" + name, "--filter", "event=die", "--format", "{{json .}}");
        using var doc = JsonDocument.Parse(Assert.Single(json.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        var root = doc.RootElement;
        Assert.Equal("die", root.GetProperty("status").GetString());
        Assert.Equal(id, root.GetProperty("id").GetString());
        Assert.Equal("busybox", root.GetProperty("from").GetString());
        Assert.Equal("container", root.GetProperty("Type").GetString());
        Assert.Equal("die", root.GetProperty("Action").GetString());
        Assert.Equal(id, root.GetProperty("Actor").GetProperty("ID").GetString());
        Assert.Equal("0", root.GetProperty("Actor").GetProperty("Attributes").GetProperty("exitCode").GetString());
        Assert.Equal("local", root.GetProperty("scope").GetString());
        Assert.Equal(root.GetProperty("time").GetInt64(), root.GetProperty("timeNano").GetInt64() / 1_000_000_000);

        var wharf = await _d.WharfAsync("events", "--since", since, "--until", until, "--filter", "container=" + name, "--filter", "event=destroy");
        Assert.Matches(@$"^\S+ container destroy {id} \(image=busybox, name={name}\)\n$", wharf.Stdout);
    }

    [Fact]
    public async Task EventsStreamLiveUntilTheUntilTime()
    {
        var name = Unique("live");
        // --since as well: should the CLI subscribe late on a busy machine, the replay still holds what it missed.
        var since = Unix(DateTimeOffset.UtcNow);
        var until = Unix(DateTimeOffset.UtcNow.AddSeconds(15));
        var stream = _d.DockerAsync("events", "--since", since, "--until", until, "--filter", "container=" + name, "--format", "{{.Action}}");
        await Task.Delay(3000);
        (await _d.DockerAsync("create", "--name", name, "busybox", "true")).EnsureSuccess("create");
        (await _d.DockerAsync("rm", name)).EnsureSuccess("rm");
        var result = await stream;
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("create\ndestroy\n", result.Stdout);
    }

    [Fact]
    public async Task ImageTagEventsAreReported()
    {
        var since = Unix(DateTimeOffset.UtcNow.AddSeconds(-1));
        var tag = "lifecycle/tagged:" + Guid.NewGuid().ToString("N")[..6];
        (await _d.DockerAsync("tag", "busybox", tag)).EnsureSuccess("tag");
        (await _d.DockerAsync("rmi", tag)).EnsureSuccess("rmi");
        var until = Unix(DateTimeOffset.UtcNow.AddMilliseconds(300));
        await Task.Delay(400);
        var events = await _d.DockerAsync("events", "--since", since, "--until", until, "--filter", "type=image", "--format", "{{.Action}} {{.Actor.Attributes.name}}");
        Assert.Contains($"tag {tag}\n", events.Stdout);
        Assert.Contains("untag sha256:", events.Stdout);
    }

    [Fact]
    public async Task OnFailureRestartsUpToTheRetryCount()
    {
        var name = Unique("onfail");
        (await _d.DockerAsync("run", "-d", "--name", name, "--restart", "on-failure:2", "busybox", "sh", "-c", "exit 1")).EnsureSuccess("run");
        var state = await PollAsync(() => _d.DockerAsync("inspect", "-f", "{{.State.Status}} {{.RestartCount}} {{.State.ExitCode}}", name),
            r => r.Stdout == "exited 2 1\n");
        Assert.Equal("exited 2 1\n", state.Stdout);
        await Task.Delay(1000);
        Assert.Equal("exited 2 1\n", (await _d.DockerAsync("inspect", "-f", "{{.State.Status}} {{.RestartCount}} {{.State.ExitCode}}", name)).Stdout);
        (await _d.DockerAsync("rm", "-f", name)).EnsureSuccess("rm");
    }

    [Fact]
    public async Task AlwaysRestartsAnExitedContainerUntilTheUserStopsIt()
    {
        var name = Unique("always");
        (await _d.DockerAsync("run", "-d", "--name", name, "--restart", "always", "busybox", "sh", "-c", "sleep 0.3; exit 3")).EnsureSuccess("run");
        var restarted = await PollAsync(() => _d.DockerAsync("inspect", "-f", "{{.RestartCount}}", name),
            r => int.TryParse(r.Stdout.Trim(), out var n) && n >= 2);
        Assert.True(int.Parse(restarted.Stdout.Trim(), CultureInfo.InvariantCulture) >= 2, restarted.ToString());
        var stop = await _d.DockerAsync("stop", "-t", "1", name);
        Assert.True(stop.ExitCode == 0, stop.ToString() + _d.ReadLog());
        await Task.Delay(1500);
        Assert.Equal("exited\n", (await _d.DockerAsync("inspect", "-f", "{{.State.Status}}", name)).Stdout);
        (await _d.DockerAsync("rm", "-f", name)).EnsureSuccess("rm");
    }

    [Fact]
    public async Task BadRestartPoliciesAreRefused()
    {
        var unknown = await _d.DockerAsync("create", "--restart", "sometimes", "busybox", "true");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'", unknown.Stderr);

        var retries = await _d.DockerAsync("create", "--restart", "always:3", "busybox", "true");
        Assert.NotEqual(0, retries.ExitCode);
        Assert.Contains("maximum retry count can only be used with 'on-failure'", retries.Stderr);

        var rm = await _d.WharfAsync("run", "--rm", "--restart", "always", "busybox", "true");
        Assert.Equal(125, rm.ExitCode);
        Assert.Contains("conflicting options: cannot specify both --restart and --rm", rm.Stderr);
        var dockerRm = await _d.DockerAsync("run", "--rm", "--restart", "always", "busybox", "true");
        Assert.Equal(125, dockerRm.ExitCode);
        Assert.Contains("conflicting options: cannot specify both --restart and --rm", dockerRm.Stderr);
    }

    [Fact]
    public async Task HealthGoesUnhealthyThenHealthyWithEvents()
    {
        var name = Unique("health");
        var since = Unix(DateTimeOffset.UtcNow.AddSeconds(-1));
        var run = await _d.DockerAsync("run", "-d", "--name", name, "--health-cmd", "test -f /tmp/ok", "--health-interval", "1s",
            "--health-retries", "1", "busybox", "sh", "-c", "sleep 4; touch /tmp/ok; sleep 300");
        Assert.True(run.ExitCode == 0, run.ToString() + _d.ReadLog());
        try
        {
            var healthy = await PollAsync(() => _d.DockerAsync("inspect", "-f", "{{.State.Health.Status}}", name), r => r.Stdout == "healthy\n");
            Assert.Equal("healthy\n", healthy.Stdout);

            var ps = await _d.DockerAsync("ps", "--filter", "name=" + name, "--format", "{{.Status}}");
            Assert.Matches(@"^Up .* \(healthy\)\n$", ps.Stdout);
            var filtered = await _d.DockerAsync("ps", "--filter", "health=healthy", "--format", "{{.Names}}");
            Assert.Contains(name, filtered.Stdout);

            var log = await _d.DockerAsync("inspect", "-f", "{{json .State.Health}}", name);
            using var doc = JsonDocument.Parse(log.Stdout);
            var entries = doc.RootElement.GetProperty("Log").EnumerateArray().ToList();
            Assert.InRange(entries.Count, 2, 5);
            Assert.Equal(0, entries[^1].GetProperty("ExitCode").GetInt32());
            Assert.Contains(entries, e => e.GetProperty("ExitCode").GetInt32() == 1);
            Assert.Equal(0, doc.RootElement.GetProperty("FailingStreak").GetInt32());

            var until = Unix(DateTimeOffset.UtcNow);
            var events = await _d.DockerAsync("events", "--since", since, "--until", until, "--filter", "container=" + name,
                "--filter", "event=health_status", "--format", "{{.Action}}");
            Assert.Equal("health_status: unhealthy\nhealth_status: healthy\n", events.Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task AHangingProbeTimesOutAsUnhealthy()
    {
        var name = Unique("hang");
        var run = await _d.DockerAsync("run", "-d", "--name", name, "--health-cmd", "sleep 30", "--health-timeout", "1s",
            "--health-interval", "1s", "--health-retries", "1", "busybox", "sleep", "300");
        Assert.True(run.ExitCode == 0, run.ToString() + _d.ReadLog());
        try
        {
            var state = await PollAsync(() => _d.DockerAsync("inspect", "-f", "{{.State.Health.Status}}", name), r => r.Stdout == "unhealthy\n");
            Assert.Equal("unhealthy\n", state.Stdout);
            var last = await _d.DockerAsync("inspect", "-f", "{{with index .State.Health.Log 0}}{{.ExitCode}} {{.Output}}{{end}}", name);
            Assert.Equal("-1 Health check exceeded timeout (1s)\n", last.Stdout);
            Assert.Equal("running\n", (await _d.DockerAsync("inspect", "-f", "{{.State.Status}}", name)).Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task PauseUnpauseRenameRestart()
    {
        var name = Unique("verbs");
        var renamed = name + "-new";
        (await _d.DockerAsync("run", "-d", "--name", name, "busybox", "sleep", "300")).EnsureSuccess("run");
        var id = (await _d.DockerAsync("inspect", "-f", "{{.Id}}", name)).Stdout.Trim();
        try
        {
            var pause = await _d.DockerAsync("pause", name);
            Assert.True(pause.ExitCode == 0, pause.ToString() + _d.ReadLog());
            Assert.Equal(name + "\n", pause.Stdout);
            Assert.Equal("paused true\n", (await _d.DockerAsync("inspect", "-f", "{{.State.Status}} {{.State.Paused}}", name)).Stdout);
            Assert.Matches(@"^Up .* \(Paused\)\n$", (await _d.DockerAsync("ps", "--filter", "name=" + name, "--format", "{{.Status}}")).Stdout);

            var again = await _d.DockerAsync("pause", name);
            Assert.Equal(1, again.ExitCode);
            Assert.Equal($"Error response from daemon: Container {id} is already paused\n", again.Stderr);

            (await _d.DockerAsync("unpause", name)).EnsureSuccess("unpause");
            var notPaused = await _d.DockerAsync("unpause", name);
            Assert.Equal($"Error response from daemon: Container {id} is not paused\n", notPaused.Stderr);

            (await _d.WharfAsync("rename", name, renamed)).EnsureSuccess("rename");
            Assert.Equal($"/{renamed}\n", (await _d.DockerAsync("inspect", "-f", "{{.Name}}", id)).Stdout);
            var other = Unique("taken");
            (await _d.DockerAsync("create", "--name", other, "busybox", "true")).EnsureSuccess("create");
            var conflict = await _d.DockerAsync("rename", renamed, other);
            Assert.Equal(1, conflict.ExitCode);
            Assert.Contains($"The container name \"/{other}\" is already in use", conflict.Stderr);
            await _d.DockerAsync("rm", other);

            var before = (await _d.DockerAsync("inspect", "-f", "{{.State.StartedAt}}", id)).Stdout;
            var since = Unix(DateTimeOffset.UtcNow);
            var restart = await _d.DockerAsync("restart", "-t", "1", renamed);
            Assert.True(restart.ExitCode == 0, restart.ToString() + _d.ReadLog());
            Assert.Equal(renamed + "\n", restart.Stdout);
            Assert.NotEqual(before, (await _d.DockerAsync("inspect", "-f", "{{.State.StartedAt}}", id)).Stdout);
            Assert.Equal("running\n", (await _d.DockerAsync("inspect", "-f", "{{.State.Status}}", id)).Stdout);
            var events = await _d.DockerAsync("events", "--since", since, "--until", Unix(DateTimeOffset.UtcNow), "--filter", "container=" + id, "--format", "{{.Action}}");
            // sleep as PID 1 ignores SIGTERM: stop escalates to SIGKILL after the timeout, a second kill event.
            Assert.True(events.Stdout == "kill\nkill\ndie\nstop\nstart\nrestart\n", events.ToString());

            (await _d.DockerAsync("stop", "-t", "1", id)).EnsureSuccess("stop");
            var stopped = await _d.DockerAsync("pause", id);
            Assert.Equal($"Error response from daemon: Container {id} is not running\n", stopped.Stderr);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", id);
        }
    }
}
