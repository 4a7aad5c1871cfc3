using Wharf.Integration.Tests.Infrastructure;

namespace Wharf.Integration.Tests;

/// <summary>The real docker CLI drives wharfd: the everyday container and image commands.</summary>
[Collection(DaemonCollection.Name)]
public sealed class DockerCliTests(DaemonFixture fixture)
{
    private readonly WharfDaemon _d = fixture.Daemon;

    [Fact]
    public async Task RunRmPrintsOutputAndRemovesTheContainer()
    {
        var name = "dk-echo-" + Guid.NewGuid().ToString("N")[..6];
        var r = await _d.DockerAsync("run", "--rm", "--name", name, "busybox", "echo", "hello from docker");
        Assert.True(r.ExitCode == 0, r.ToString() + _d.ReadLog());
        Assert.Equal("hello from docker\n", r.Stdout);
        var ps = await _d.DockerAsync("ps", "-a", "--format", "{{.Names}}");
        Assert.DoesNotContain(name, ps.Stdout);
    }

    [Fact]
    public async Task RunReturnsTheContainersExitCodeAndStderr()
    {
        var r = await _d.DockerAsync("run", "--rm", "busybox", "sh", "-c", "echo oops >&2; exit 3");
        Assert.Equal(3, r.ExitCode);
        Assert.Equal("oops\n", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public async Task RunOfAMissingExecutableExits127()
    {
        var r = await _d.DockerAsync("run", "--rm", "busybox", "/no/such/binary");
        Assert.Equal(127, r.ExitCode);
    }

    [Fact]
    public async Task DetachedContainerLifecycle()
    {
        var name = "dk-life-" + Guid.NewGuid().ToString("N")[..6];
        var run = await _d.DockerAsync("run", "-d", "--name", name, "-e", "GREETING=hi there", "busybox",
            "sh", "-c", "echo $GREETING; echo err-line >&2; trap 'exit 0' TERM; while true; do sleep 0.1; done");
        try
        {
            Assert.True(run.ExitCode == 0, run.ToString() + _d.ReadLog());
            var id = run.Stdout.Trim();
            Assert.Matches("^[0-9a-f]{64}$", id);

            var ps = await _d.DockerAsync("ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Names}} {{.Status}}");
            Assert.Contains($"{id} {name} Up", ps.Stdout);

            var status = await _d.DockerAsync("inspect", "-f", "{{.State.Status}} {{.State.Running}} {{.Name}}", name);
            Assert.Equal($"running true /{name}\n", status.Stdout);

            var logs = await WaitForAsync(async () => await _d.DockerAsync("logs", name), l => l.Stdout.Contains("hi there"));
            Assert.Equal("hi there\n", logs.Stdout);
            Assert.Equal("err-line\n", logs.Stderr);

            var stop = await _d.DockerAsync("stop", "-t", "5", name);
            Assert.Equal(0, stop.ExitCode);
            Assert.Equal(name + "\n", stop.Stdout);
            var exited = await _d.DockerAsync("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", name);
            Assert.Equal("exited 0\n", exited.Stdout);
        }
        finally
        {
            var rm = await _d.DockerAsync("rm", "-f", name);
            Assert.Equal(0, rm.ExitCode);
        }
        var gone = await _d.DockerAsync("inspect", name);
        Assert.Equal(1, gone.ExitCode);
        Assert.Contains("No such object", gone.Stderr);
    }

    [Fact]
    public async Task ImagesTagAndRmi()
    {
        var images = await _d.DockerAsync("images", "--format", "{{.Repository}}:{{.Tag}}");
        Assert.Contains("busybox:latest", images.Stdout);

        var tag = "dk-tag-" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(0, (await _d.DockerAsync("tag", "busybox", $"{tag}:v1")).ExitCode);
        var id1 = (await _d.DockerAsync("inspect", "-f", "{{.Id}}", $"{tag}:v1")).Stdout;
        var id2 = (await _d.DockerAsync("inspect", "-f", "{{.Id}}", "busybox:latest")).Stdout;
        Assert.Equal(id2, id1);
        Assert.StartsWith("sha256:", id1);

        var rmi = await _d.DockerAsync("rmi", $"{tag}:v1");
        Assert.Equal(0, rmi.ExitCode);
        Assert.Contains($"Untagged: {tag}:v1", rmi.Stdout);
        Assert.DoesNotContain("Deleted", rmi.Stdout);
        var still = await _d.DockerAsync("images", "-q", "busybox");
        Assert.NotEqual("", still.Stdout.Trim());
    }

    [Fact]
    public async Task ImportAndExportRoundTrip()
    {
        var dir = Path.Combine(_d.Root, "dk-import-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(dir);
        var tar = await _d.BusyboxTarAsync();
        var repo = "dk-imported-" + Guid.NewGuid().ToString("N")[..6];
        var import = await _d.DockerAsync("import", "-c", "ENV FOO=bar", "-c", "CMD [\"sh\", \"-c\", \"echo $FOO\"]", "-m", "from test", tar, repo + ":1");
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.StartsWith("sha256:", import.Stdout.Trim());

        var run = await _d.DockerAsync("run", "--name", repo, repo + ":1");
        Assert.Equal("bar\n", run.Stdout);
        try
        {
            var exported = Path.Combine(dir, "export.tar");
            var export = await _d.DockerAsync("export", "-o", exported, repo);
            Assert.True(export.ExitCode == 0, export.ToString());
            var list = await ProcessRunner.RunAsync("tar", ["-tf", exported]);
            Assert.Contains("bin/busybox", list.Stdout);
            Assert.Contains("etc/passwd", list.Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", repo);
            await _d.DockerAsync("rmi", repo + ":1");
        }
    }

    [Fact]
    public async Task VersionAndInfo()
    {
        var version = await _d.DockerAsync("version", "--format", "{{.Server.APIVersion}} {{.Server.Os}}");
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Equal("1.44 linux\n", version.Stdout);
        var info = await _d.DockerAsync("info", "--format", "{{.Driver}} {{.OSType}}");
        Assert.Equal("overlay2 linux\n", info.Stdout);
    }

    internal static async Task<ProcessResult> WaitForAsync(Func<Task<ProcessResult>> probe, Func<ProcessResult, bool> done)
    {
        ProcessResult last = await probe();
        for (var i = 0; i < 100 && !done(last); i++)
        {
            await Task.Delay(100);
            last = await probe();
        }
        return last;
    }
}
