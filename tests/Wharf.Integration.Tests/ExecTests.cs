using System.Text.Json.Nodes;
using Wharf.Integration.Tests.Infrastructure;

namespace Wharf.Integration.Tests;

/// <summary><c>exec</c> through the real docker CLI and through wharf: output, exit codes, flags, tty, errors, exec inspect.</summary>
[Collection(DaemonCollection.Name)]
public sealed class ExecTests(DaemonFixture fixture)
{
    private readonly WharfDaemon _d = fixture.Daemon;

    private async Task<string> RunningContainerAsync(string prefix)
    {
        var name = prefix + "-" + Guid.NewGuid().ToString("N")[..6];
        var run = await _d.DockerAsync("run", "-d", "--network", "none", "--name", name, "busybox", "sleep", "600");
        Assert.True(run.ExitCode == 0, run + _d.ReadLog());
        return name;
    }

    private Task<ProcessResult> CurlAsync(params string[] args) =>
        ProcessRunner.RunAsync("curl", ["-s", "--unix-socket", _d.SocketPath, .. args]);

    [Fact]
    public async Task DockerExecPrintsBothStreamsAndReturnsTheExitCode()
    {
        var c = await RunningContainerAsync("ex-out");
        try
        {
            var r = await _d.DockerAsync("exec", c, "sh", "-c", "echo out-line; echo err-line >&2; exit 3");
            Assert.Equal(3, r.ExitCode);
            Assert.Equal("out-line\n", r.Stdout);
            Assert.Equal("err-line\n", r.Stderr);

            var w = await _d.WharfAsync("exec", c, "sh", "-c", "echo wharf-out; echo wharf-err >&2; exit 4");
            Assert.Equal(4, w.ExitCode);
            Assert.Equal("wharf-out\n", w.Stdout);
            Assert.Equal("wharf-err\n", w.Stderr);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", c);
        }
    }

    [Fact]
    public async Task ExecAppliesEnvWorkdirAndUser()
    {
        var c = await RunningContainerAsync("ex-flags");
        try
        {
            var r = await _d.DockerAsync("exec", "-e", "FOO=bar baz", "-w", "/tmp", "-u", "nobody", c, "sh", "-c", "echo \"$FOO|$(pwd)|$(id -u)\"");
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Equal("bar baz|/tmp|65534\n", r.Stdout);

            var envFile = Path.Combine(_d.Root, "exec-env-" + Guid.NewGuid().ToString("N")[..6]);
            await File.WriteAllTextAsync(envFile, "# comment\nFROM_FILE=yes\n");
            var w = await _d.WharfAsync("exec", "--env-file", envFile, "-e", "X=1", "-w", "/etc", "-u", "65534:65534", c, "sh", "-c", "echo \"$FROM_FILE|$X|$(pwd)|$(id -u):$(id -g)\"");
            Assert.True(w.ExitCode == 0, w.ToString());
            Assert.Equal("yes|1|/etc|65534:65534\n", w.Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", c);
        }
    }

    [Fact]
    public async Task ExecPipesStdinAndClosesItAtEof()
    {
        var c = await RunningContainerAsync("ex-stdin");
        try
        {
            var r = await _d.DockerAsync(["exec", "-i", c, "sh", "-c", "cat; echo done"], "line one\nline two\n"u8.ToArray());
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Equal("line one\nline two\ndone\n", r.Stdout);

            var w = await _d.WharfAsync(["exec", "-i", c, "wc", "-l"], "a\nb\nc\n"u8.ToArray());
            Assert.True(w.ExitCode == 0, w.ToString());
            Assert.Equal("3", w.Stdout.Trim());
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", c);
        }
    }

    [Fact]
    public async Task ExecOfAMissingBinaryExits127AndAStoppedContainerIsRefused()
    {
        var c = await RunningContainerAsync("ex-bad");
        try
        {
            var missing = await _d.DockerAsync("exec", c, "/no/such/binary");
            Assert.Equal(127, missing.ExitCode);
            Assert.Contains("no such file or directory", missing.Stdout + missing.Stderr);
            var wharfMissing = await _d.WharfAsync("exec", c, "/no/such/binary");
            Assert.Equal(127, wharfMissing.ExitCode);

            Assert.Equal(0, (await _d.DockerAsync("stop", "-t", "1", c)).ExitCode);
            var stopped = await _d.DockerAsync("exec", c, "true");
            Assert.Equal(1, stopped.ExitCode);
            Assert.Matches("Error response from daemon: container [0-9a-f]{64} is not running", stopped.Stderr);
            var wharfStopped = await _d.WharfAsync("exec", c, "true");
            Assert.Equal(1, wharfStopped.ExitCode);
            Assert.Contains("is not running", wharfStopped.Stderr);
            var status = await _d.DockerAsync("inspect", "-f", "{{.State.Status}}", c);
            Assert.Equal("exited\n", status.Stdout);

            var gone = await _d.DockerAsync("exec", "no-such-container-" + Guid.NewGuid().ToString("N")[..6], "true");
            Assert.Equal(1, gone.ExitCode);
            Assert.Contains("No such container", gone.Stderr);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", c);
        }
    }

    [Fact]
    public async Task DockerExecItRunsUnderAPseudoTerminal()
    {
        var c = await RunningContainerAsync("ex-tty");
        try
        {
            var docker = await ProcessRunner.RunAsync("script", ["-qec", $"stty rows 31 cols 97; docker exec -it {c} sh -c 'tty; stty size; exit 3'", "/dev/null"], _d.DockerEnvironment);
            Assert.True(docker.ExitCode == 3, docker.ToString());
            Assert.Contains("/dev/pts/", docker.Stdout);
            Assert.Contains("31 97", docker.Stdout);

            var wharf = await ProcessRunner.RunAsync("script", ["-qec", $"stty rows 29 cols 88; {BuildOutput.Wharf} -H {_d.Host} exec -it {c} sh -c 'tty; stty size; exit 6'", "/dev/null"]);
            Assert.True(wharf.ExitCode == 6, wharf.ToString());
            Assert.Contains("/dev/pts/", wharf.Stdout);
            Assert.Contains("29 88", wharf.Stdout);

            // Without a terminal, -it is refused before any exec instance exists.
            var notTty = await _d.DockerAsync("exec", "-it", c, "true");
            Assert.Equal(1, notTty.ExitCode);
            Assert.Contains("the input device is not a TTY", notTty.Stderr);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", c);
        }
    }

    [Fact]
    public async Task DetachedExecRunsAndShowsInExecIdsAndExecInspect()
    {
        var c = await RunningContainerAsync("ex-detach");
        try
        {
            var d = await _d.DockerAsync("exec", "-d", c, "sh", "-c", "echo from-detached > /tmp/marker");
            Assert.True(d.ExitCode == 0, d.ToString());
            Assert.Equal("", d.Stdout);
            var marker = await WaitForAsync(() => _d.DockerAsync("exec", c, "cat", "/tmp/marker"), r => r.ExitCode == 0);
            Assert.Equal("from-detached\n", marker.Stdout);

            var ids = await _d.DockerAsync("inspect", "-f", "{{json .ExecIDs}}", c);
            var list = JsonNode.Parse(ids.Stdout)!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            Assert.True(list.Count >= 2, ids.Stdout);
            Assert.All(list, id => Assert.Matches("^[0-9a-f]{64}$", id));

            var created = JsonNode.Parse((await CurlAsync("-X", "POST", "-H", "Content-Type: application/json",
                "-d", "{\"Cmd\":[\"sh\",\"-c\",\"exit 9\"],\"User\":\"nobody\"}", $"http://localhost/v1.44/containers/{c}/exec")).Stdout)!;
            var execId = created["Id"]!.GetValue<string>();
            var before = JsonNode.Parse((await CurlAsync($"http://localhost/v1.44/exec/{execId}/json")).Stdout)!;
            Assert.False(before["Running"]!.GetValue<bool>());
            Assert.Null(before["ExitCode"]);
            Assert.Equal("sh", before["ProcessConfig"]!["entrypoint"]!.GetValue<string>());
            Assert.Equal("nobody", before["ProcessConfig"]!["user"]!.GetValue<string>());

            var start = await CurlAsync("-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "-H", "Content-Type: application/json",
                "-d", "{\"Detach\":true}", $"http://localhost/v1.44/exec/{execId}/start");
            Assert.Equal("200", start.Stdout);
            var after = await WaitForAsync(async () => JsonNode.Parse((await CurlAsync($"http://localhost/v1.44/exec/{execId}/json")).Stdout)!,
                j => j["ExitCode"] is not null);
            Assert.Equal(9, after["ExitCode"]!.GetValue<int>());
            Assert.False(after["Running"]!.GetValue<bool>());
            Assert.True(after["Pid"]!.GetValue<int>() > 0);
            Assert.True(after["CanRemove"]!.GetValue<bool>());
            Assert.StartsWith(after["ContainerID"]!.GetValue<string>()[..12], (await _d.DockerAsync("inspect", "-f", "{{.Id}}", c)).Stdout);

            var again = await CurlAsync("-X", "POST", "-H", "Content-Type: application/json", "-d", "{\"Detach\":true}", "-w", " %{http_code}",
                $"http://localhost/v1.44/exec/{execId}/start");
            Assert.EndsWith(" 409", again.Stdout);
            Assert.Contains("has already run", again.Stdout);

            var missing = await CurlAsync("-w", " %{http_code}", "http://localhost/v1.44/exec/0123456789abcdef/json");
            Assert.EndsWith(" 404", missing.Stdout);
            Assert.Contains("No such exec instance", missing.Stdout);

            var empty = await CurlAsync("-X", "POST", "-H", "Content-Type: application/json", "-d", "{\"Cmd\":[]}", "-w", " %{http_code}",
                $"http://localhost/v1.44/containers/{c}/exec");
            Assert.EndsWith(" 400", empty.Stdout);

            Assert.Equal(0, (await _d.DockerAsync("stop", "-t", "1", c)).ExitCode);
            var afterStop = await _d.DockerAsync("inspect", "-f", "{{json .ExecIDs}}", c);
            Assert.Equal("null\n", afterStop.Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", c);
        }
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var last = await probe();
        for (var i = 0; i < 100 && !done(last); i++)
        {
            await Task.Delay(100);
            last = await probe();
        }
        return last;
    }
}
