using Wharf.Integration.Tests.Infrastructure;

namespace Wharf.Integration.Tests;

/// <summary>The wharf CLI against a private wharfd: the commands of the foundation issue.</summary>
[Collection(DaemonCollection.Name)]
public sealed class WharfCliTests(DaemonFixture fixture)
{
    private readonly WharfDaemon _d = fixture.Daemon;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task RunRmEchoes()
    {
        var r = await _d.WharfAsync("run", "--rm", "busybox", "echo", "hello from wharf");
        Assert.True(r.ExitCode == 0, r.ToString() + _d.ReadLog());
        Assert.Equal("hello from wharf\n", r.Stdout);
    }

    [Fact]
    public async Task RunAppliesUserWorkdirHostnameEnvAndEntrypoint()
    {
        var envFile = Path.Combine(_d.Root, Unique("env"));
        await File.WriteAllTextAsync(envFile, "# comment\nFROM_FILE=yes\n");
        var r = await _d.WharfAsync("run", "--rm", "-u", "nobody", "-w", "/tmp", "--hostname", "box1", "-e", "A=1",
            "--env-file", envFile, "--entrypoint", "sh", "busybox", "-c", "id -u; id -g; pwd; hostname; echo $A$FROM_FILE; echo $HOME");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("65534\n65534\n/tmp\nbox1\n1yes\n/home\n", r.Stdout);
    }

    [Fact]
    public async Task DefaultNetworkModeIsBridgeAndHostModeSeesHostInterfaces()
    {
        var name = Unique("net");
        var create = await _d.WharfAsync("create", "--name", name, "busybox", "true");
        Assert.True(create.ExitCode == 0, create.ToString());
        try
        {
            var mode = await _d.WharfAsync("inspect", "-f", "{{.HostConfig.NetworkMode}}", name);
            // Issue 4: the default bridge network is the default (networking engineer's change).
            Assert.Equal("bridge\n", mode.Stdout);
        }
        finally
        {
            await _d.WharfAsync("rm", name);
        }
        var bridged = await _d.WharfAsync("run", "--rm", "busybox", "ls", "/sys/class/net");
        Assert.Equal("eth0\nlo\n", bridged.Stdout);
        var none = await _d.WharfAsync("run", "--rm", "--network", "none", "busybox", "ls", "/sys/class/net");
        Assert.Equal("lo\n", none.Stdout);
        var host = await _d.WharfAsync("run", "--rm", "--network", "host", "busybox", "ls", "/sys/class/net");
        Assert.Equal(0, host.ExitCode);
        Assert.NotEqual("lo\n", host.Stdout);
    }

    [Fact]
    public async Task CreateStartWaitLogsAndPsFilters()
    {
        var name = Unique("cs");
        var label = Unique("lbl");
        var id = (await _d.WharfAsync("create", "--name", name, "-l", $"suite={label}", "busybox", "sh", "-c", "echo one; echo two; exit 4")).Stdout.Trim();
        Assert.Matches("^[0-9a-f]{64}$", id);
        try
        {
            var created = await _d.WharfAsync("ps", "-a", "--filter", "status=created", "--filter", $"label=suite={label}", "-q");
            Assert.Equal(id[..12] + "\n", created.Stdout);

            Assert.Equal(0, (await _d.WharfAsync("start", name)).ExitCode);
            var wait = await _d.WharfAsync("wait", name);
            Assert.Equal("4\n", wait.Stdout);

            var exited = await _d.WharfAsync("ps", "-a", "--filter", "exited=4", "--filter", $"label=suite={label}", "--format", "{{.Names}}");
            Assert.Equal(name + "\n", exited.Stdout);
            var byName = await _d.WharfAsync("ps", "-a", "--filter", $"name={name}", "--no-trunc", "-q");
            Assert.Equal(id + "\n", byName.Stdout);
            var ancestor = await _d.WharfAsync("ps", "-a", "--filter", "ancestor=busybox", "--filter", $"label=suite={label}", "-q");
            Assert.Equal(id[..12] + "\n", ancestor.Stdout);

            var tail = await _d.WharfAsync("logs", "--tail", "1", name);
            Assert.Equal("two\n", tail.Stdout);
            var stamped = await _d.WharfAsync("logs", "-t", name);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z one\n", stamped.Stdout);

            var table = await _d.WharfAsync("ps", "-a", "--filter", $"name={name}");
            Assert.StartsWith("CONTAINER ID   IMAGE", table.Stdout);
            Assert.Contains("Exited (4)", table.Stdout);
        }
        finally
        {
            await _d.WharfAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task LogsFollowEndsWhenTheContainerStops()
    {
        var name = Unique("follow");
        var run = await _d.WharfAsync("run", "-d", "--name", name, "busybox", "sh", "-c", "for i in 1 2 3; do echo line$i; sleep 0.2; done");
        Assert.Equal(0, run.ExitCode);
        try
        {
            var logs = await _d.WharfAsync(["logs", "-f", name], null, TimeSpan.FromSeconds(30));
            Assert.Equal("line1\nline2\nline3\n", logs.Stdout);
        }
        finally
        {
            await _d.WharfAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task KillWithSignalAndStopTimeout()
    {
        var name = Unique("kill");
        Assert.Equal(0, (await _d.WharfAsync("run", "-d", "--name", name, "busybox", "sleep", "300")).ExitCode);
        try
        {
            Assert.Equal(0, (await _d.WharfAsync("kill", "-s", "KILL", name)).ExitCode);
            var code = await _d.WharfAsync("wait", name);
            Assert.Equal("137\n", code.Stdout);
            var again = await _d.WharfAsync("kill", name);
            Assert.NotEqual(0, again.ExitCode);
            Assert.Contains("is not running", again.Stderr);
        }
        finally
        {
            await _d.WharfAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task InspectTemplatesAndImageInspect()
    {
        var r = await _d.WharfAsync("inspect", "-f", "{{json .Config.Cmd}} {{.Os}} {{len .RootFS.Layers}} {{upper .Architecture}}", "busybox");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("[\"sh\"] linux 1 AMD64\n", r.Stdout);
        var tags = await _d.WharfAsync("inspect", "-f", "{{range .RepoTags}}{{.}} {{end}}|{{join .RepoTags \",\"}}|{{index .RepoTags 0}}", "busybox");
        Assert.Contains("busybox:latest", tags.Stdout);
    }

    [Fact]
    public async Task ImagesListsFiltersAndQuiet()
    {
        var images = await _d.WharfAsync("images");
        Assert.StartsWith("REPOSITORY", images.Stdout);
        Assert.Contains("busybox", images.Stdout);
        var q = await _d.WharfAsync("images", "-q", "busybox");
        Assert.Matches("^[0-9a-f]{12}\n$", q.Stdout);
        var byRef = await _d.WharfAsync("images", "--filter", "reference=busy*", "--format", "{{.Repository}}");
        Assert.Contains("busybox", byRef.Stdout);
    }

    [Fact]
    public async Task RmiRefusesWhileAContainerUsesTheImage()
    {
        var repo = Unique("inuse");
        var tar = await _d.BusyboxTarAsync();
        Assert.Equal(0, (await _d.WharfAsync("import", tar, repo)).ExitCode);
        var name = Unique("user");
        Assert.Equal(0, (await _d.WharfAsync("create", "--name", name, repo, "true")).ExitCode);
        try
        {
            var refused = await _d.WharfAsync("rmi", repo);
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("container", refused.Stderr);
        }
        finally
        {
            await _d.WharfAsync("rm", name);
        }
        var removed = await _d.WharfAsync("rmi", repo);
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Contains("Deleted: sha256:", removed.Stdout);
    }

    [Fact]
    public async Task VersionShowsClientAndServer()
    {
        var r = await _d.WharfAsync("version");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("Client", r.Stdout);
        Assert.Contains("Server", r.Stdout);
        Assert.Contains("1.44", r.Stdout);
    }
}
