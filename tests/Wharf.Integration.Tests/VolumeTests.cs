using System.Text.Json;
using Wharf.Integration.Tests.Infrastructure;

namespace Wharf.Integration.Tests;

/// <summary>The real docker CLI drives volumes and container mounts: named, anonymous, bind, tmpfs, volumes-from, copy-up.</summary>
[Collection(DaemonCollection.Name)]
public sealed class VolumeTests(DaemonFixture fixture)
{
    private readonly WharfDaemon _d = fixture.Daemon;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task NamedVolumeIsCreatedOnDemandAndOutlivesItsContainer()
    {
        var volume = Unique("vol-named");
        try
        {
            var write = await _d.DockerAsync("run", "--network", "none", "--rm", "-v", $"{volume}:/data", "busybox", "sh", "-c", "echo persisted > /data/file");
            Assert.True(write.ExitCode == 0, write.ToString() + _d.ReadLog());

            var read = await _d.DockerAsync("run", "--network", "none", "--rm", "-v", $"{volume}:/data:ro", "busybox", "cat", "/data/file");
            Assert.True(read.ExitCode == 0, read.ToString());
            Assert.Equal("persisted\n", read.Stdout);

            var inspect = await _d.DockerAsync("volume", "inspect", "-f", "{{.Name}} {{.Driver}} {{.Mountpoint}}", volume);
            Assert.Equal($"{volume} local {Path.Combine(_d.DataRoot, "volumes", volume, "_data")}\n", inspect.Stdout);
        }
        finally
        {
            await _d.DockerAsync("volume", "rm", "-f", volume);
        }
    }

    [Fact]
    public async Task TwoContainersOnOneVolumeSeeEachOthersWrites()
    {
        var volume = Unique("vol-shared");
        var first = Unique("vs-first");
        try
        {
            var run = await _d.DockerAsync("run", "--network", "none", "-d", "--name", first, "-v", $"{volume}:/shared", "busybox", "sh", "-c",
                "echo from-first > /shared/a; while [ ! -f /shared/b ]; do sleep 0.1; done; cat /shared/b");
            Assert.True(run.ExitCode == 0, run.ToString() + _d.ReadLog());

            var second = await _d.DockerAsync("run", "--network", "none", "--rm", "-v", $"{volume}:/shared", "busybox", "sh", "-c",
                "while [ ! -f /shared/a ]; do sleep 0.1; done; cat /shared/a; echo from-second > /shared/b");
            Assert.True(second.ExitCode == 0, second.ToString());
            Assert.Equal("from-first\n", second.Stdout);

            var wait = await _d.DockerAsync("wait", first);
            Assert.Equal("0\n", wait.Stdout);
            Assert.Equal("from-second\n", (await _d.DockerAsync("logs", first)).Stdout);

            var inUse = await _d.DockerAsync("volume", "rm", volume);
            Assert.Equal(1, inUse.ExitCode);
            Assert.Contains($"remove {volume}: volume is in use - [", inUse.Stderr);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", first);
            await _d.DockerAsync("volume", "rm", "-f", volume);
        }
    }

    [Fact]
    public async Task BindMountReadsAndWritesTheHostDirectoryAndReadOnlyRefusesWrites()
    {
        var host = Path.Combine(_d.Root, Unique("bind"));
        Directory.CreateDirectory(host);
        await File.WriteAllTextAsync(Path.Combine(host, "from-host"), "hello host\n");

        var rw = await _d.DockerAsync("run", "--network", "none", "--rm", "-v", $"{host}:/data", "busybox", "sh", "-c", "cat /data/from-host; echo back > /data/from-container");
        Assert.True(rw.ExitCode == 0, rw.ToString() + _d.ReadLog());
        Assert.Equal("hello host\n", rw.Stdout);
        Assert.Equal("back\n", await File.ReadAllTextAsync(Path.Combine(host, "from-container")));

        var ro = await _d.DockerAsync("run", "--network", "none", "--rm", "-v", $"{host}:/data:ro", "busybox", "sh", "-c", "echo nope > /data/denied");
        Assert.NotEqual(0, ro.ExitCode);
        Assert.Contains("Read-only file system", ro.Stderr);
        Assert.False(File.Exists(Path.Combine(host, "denied")));
    }

    [Fact]
    public async Task BindSourceOfDashVIsCreatedWhenMissing()
    {
        var host = Path.Combine(_d.Root, Unique("bind-new"), "nested");
        var run = await _d.DockerAsync("run", "--network", "none", "--rm", "-v", $"{host}:/data", "busybox", "sh", "-c", "echo made > /data/f");
        Assert.True(run.ExitCode == 0, run.ToString() + _d.ReadLog());
        Assert.Equal("made\n", await File.ReadAllTextAsync(Path.Combine(host, "f")));
    }

    [Fact]
    public async Task MountBindWithMissingSourceIsAnErrorAndCreatesNothing()
    {
        var missing = Path.Combine(_d.Root, Unique("missing"));
        var name = Unique("mnt-missing");
        var run = await _d.DockerAsync("run", "--network", "none", "--name", name, "--mount", $"type=bind,src={missing},dst=/x", "busybox", "true");
        Assert.Equal(125, run.ExitCode);
        Assert.Contains($"invalid mount config for type \"bind\": bind source path does not exist: {missing}", run.Stderr);
        Assert.False(Directory.Exists(missing));
        var ps = await _d.DockerAsync("ps", "-a", "--format", "{{.Names}}");
        Assert.DoesNotContain(name, ps.Stdout);
    }

    [Fact]
    public async Task MountFlagBindVolumeAndTmpfs()
    {
        var host = Path.Combine(_d.Root, Unique("mnt-bind"));
        Directory.CreateDirectory(host);
        await File.WriteAllTextAsync(Path.Combine(host, "f"), "bound\n");
        var volume = Unique("mnt-vol");
        var name = Unique("mnt-all");
        try
        {
            var run = await _d.DockerAsync("run", "--network", "none", "--name", name,
                "--mount", $"type=bind,source={host},target=/b,readonly",
                "--mount", $"type=volume,src={volume},dst=/v,volume-label=team=blue",
                "--mount", "type=tmpfs,dst=/t,tmpfs-size=1m",
                "busybox", "sh", "-c", "cat /b/f; echo v > /v/x; grep ' /t ' /proc/mounts; touch /b/no || echo ro-ok");
            Assert.True(run.ExitCode == 0, run.ToString() + _d.ReadLog());
            Assert.StartsWith("bound\n", run.Stdout);
            Assert.Contains("tmpfs /t tmpfs", run.Stdout);
            Assert.Contains("size=1024k", run.Stdout);
            Assert.EndsWith("ro-ok\n", run.Stdout);

            var labels = await _d.DockerAsync("volume", "inspect", "-f", "{{.Labels.team}}", volume);
            Assert.Equal("blue\n", labels.Stdout);

            var mounts = await _d.DockerAsync("inspect", "-f", "{{json .Mounts}}", name);
            using var doc = JsonDocument.Parse(mounts.Stdout);
            var byDestination = doc.RootElement.EnumerateArray().ToDictionary(m => m.GetProperty("Destination").GetString()!);
            Assert.Equal("bind", byDestination["/b"].GetProperty("Type").GetString());
            Assert.Equal(host, byDestination["/b"].GetProperty("Source").GetString());
            Assert.False(byDestination["/b"].GetProperty("RW").GetBoolean());
            Assert.Equal("rprivate", byDestination["/b"].GetProperty("Propagation").GetString());
            Assert.Equal("volume", byDestination["/v"].GetProperty("Type").GetString());
            Assert.Equal(volume, byDestination["/v"].GetProperty("Name").GetString());
            Assert.Equal("local", byDestination["/v"].GetProperty("Driver").GetString());
            Assert.True(byDestination["/v"].GetProperty("RW").GetBoolean());
            Assert.Equal("tmpfs", byDestination["/t"].GetProperty("Type").GetString());
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
            await _d.DockerAsync("volume", "rm", "-f", volume);
        }
    }

    [Fact]
    public async Task TmpfsFlagMountsATmpfs()
    {
        var run = await _d.DockerAsync("run", "--network", "none", "--rm", "--tmpfs", "/scratch:size=2m", "busybox", "sh", "-c", "grep ' /scratch ' /proc/mounts; echo x > /scratch/f && cat /scratch/f");
        Assert.True(run.ExitCode == 0, run.ToString() + _d.ReadLog());
        Assert.Contains("tmpfs /scratch tmpfs", run.Stdout);
        Assert.Contains("size=2048k", run.Stdout);
        Assert.Contains("noexec", run.Stdout);
        Assert.EndsWith("x\n", run.Stdout);
    }

    [Fact]
    public async Task VolumesFromSharesTheSourcesMountsAndRoIsReadOnly()
    {
        var volume = Unique("vf-vol");
        var source = Unique("vf-source");
        try
        {
            var create = await _d.DockerAsync("run", "--network", "none", "--name", source, "-v", $"{volume}:/shared", "-v", "/anon", "busybox", "sh", "-c", "echo s > /shared/f; echo a > /anon/g");
            Assert.True(create.ExitCode == 0, create.ToString() + _d.ReadLog());

            var read = await _d.DockerAsync("run", "--network", "none", "--rm", "--volumes-from", source, "busybox", "sh", "-c", "cat /shared/f /anon/g; echo w > /shared/w");
            Assert.True(read.ExitCode == 0, read.ToString());
            Assert.Equal("s\na\n", read.Stdout);

            var ro = await _d.DockerAsync("run", "--network", "none", "--rm", "--volumes-from", source + ":ro", "busybox", "sh", "-c", "cat /shared/w; echo no > /shared/no");
            Assert.NotEqual(0, ro.ExitCode);
            Assert.Equal("w\n", ro.Stdout);
            Assert.Contains("Read-only file system", ro.Stderr);

            var missing = await _d.DockerAsync("run", "--network", "none", "--rm", "--volumes-from", "no-such-container-xyz", "busybox", "true");
            Assert.Equal(125, missing.ExitCode);
            Assert.Contains("No such container: no-such-container-xyz", missing.Stderr);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", "-v", source);
            await _d.DockerAsync("volume", "rm", "-f", volume);
        }
    }

    [Fact]
    public async Task ImageVolumeIsCopiedUpIntoAnAnonymousVolumeThatRmDashVRemoves()
    {
        var image = Unique("volimg");
        var tar = await VolumeImageTarAsync();
        var import = await _d.DockerAsync("import", "-c", "VOLUME /data", "-c", "CMD [\"sh\"]", tar, image);
        Assert.True(import.ExitCode == 0, import.ToString() + _d.ReadLog());
        var name = Unique("copyup");
        try
        {
            var run = await _d.DockerAsync("run", "--network", "none", "--name", name, image, "sh", "-c", "cat /data/seed; echo more > /data/added");
            Assert.True(run.ExitCode == 0, run.ToString() + _d.ReadLog());
            Assert.Equal("seed-content\n", run.Stdout);

            var mount = await _d.DockerAsync("inspect", "-f", "{{range .Mounts}}{{.Type}} {{.Name}} {{.Destination}}{{end}}", name);
            var parts = mount.Stdout.Trim().Split(' ');
            Assert.Equal("volume", parts[0]);
            Assert.Matches("^[0-9a-f]{64}$", parts[1]);
            Assert.Equal("/data", parts[2]);
            var anonymous = parts[1];

            var labels = await _d.DockerAsync("volume", "inspect", "-f", "{{json .Labels}}", anonymous);
            Assert.Contains("com.docker.volume.anonymous", labels.Stdout);
            var seeded = await File.ReadAllTextAsync(Path.Combine(_d.DataRoot, "volumes", anonymous, "_data", "seed"));
            Assert.Equal("seed-content\n", seeded);

            var dangling = await _d.DockerAsync("volume", "ls", "-q", "--filter", "dangling=false");
            Assert.Contains(anonymous, dangling.Stdout);

            var rm = await _d.DockerAsync("rm", "-v", name);
            Assert.True(rm.ExitCode == 0, rm.ToString());
            var gone = await _d.DockerAsync("volume", "inspect", anonymous);
            Assert.Equal(1, gone.ExitCode);
            Assert.Contains("no such volume", gone.Stderr);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", "-v", name);
            await _d.DockerAsync("rmi", image);
        }
    }

    [Fact]
    public async Task RunRmRemovesAnonymousVolumesButKeepsNamedOnes()
    {
        var named = Unique("keep");
        try
        {
            var before = (await _d.DockerAsync("volume", "ls", "-q")).Stdout;
            var run = await _d.DockerAsync("run", "--network", "none", "--rm", "-v", "/anon", "-v", $"{named}:/named", "busybox", "true");
            Assert.True(run.ExitCode == 0, run.ToString() + _d.ReadLog());
            var after = (await _d.DockerAsync("volume", "ls", "-q")).Stdout;
            var added = after.Split('\n', StringSplitOptions.RemoveEmptyEntries).Except(before.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
            Assert.Equal([named], added);
        }
        finally
        {
            await _d.DockerAsync("volume", "rm", "-f", named);
        }
    }

    [Fact]
    public async Task VolumeCommandsCreateListInspectRemoveAndPrune()
    {
        var label = "it.volumes=" + Guid.NewGuid().ToString("N")[..8];
        var named = Unique("cli-named");
        var create = await _d.DockerAsync("volume", "create", "--label", label, "--label", "tier=db", named);
        Assert.Equal(named + "\n", create.Stdout);
        var anon = await _d.DockerAsync("volume", "create", "--label", label);
        var anonymous = anon.Stdout.Trim();
        Assert.Matches("^[0-9a-f]{64}$", anonymous);
        try
        {
            var ls = await _d.DockerAsync("volume", "ls", "--filter", "label=" + label);
            Assert.Equal(0, ls.ExitCode);
            var lines = ls.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Matches(@"^DRIVER\s+VOLUME NAME$", lines[0]);
            Assert.Equal(2, lines.Length - 1);
            Assert.Contains(lines, l => l.StartsWith("local", StringComparison.Ordinal) && l.EndsWith(named, StringComparison.Ordinal));

            var byName = await _d.DockerAsync("volume", "ls", "-q", "--filter", "name=" + named);
            Assert.Equal(named + "\n", byName.Stdout);
            var formatted = await _d.DockerAsync("volume", "ls", "--filter", "label=tier=db", "--filter", "label=" + label, "--format", "{{.Name}}|{{.Driver}}|{{.Label \"tier\"}}");
            Assert.Equal($"{named}|local|db\n", formatted.Stdout);

            var inspect = await _d.DockerAsync("volume", "inspect", named);
            using (var doc = JsonDocument.Parse(inspect.Stdout))
            {
                var v = doc.RootElement[0];
                Assert.Equal(named, v.GetProperty("Name").GetString());
                Assert.Equal("local", v.GetProperty("Driver").GetString());
                Assert.Equal("local", v.GetProperty("Scope").GetString());
                Assert.Equal("db", v.GetProperty("Labels").GetProperty("tier").GetString());
            }

            // Prune without -a removes the anonymous one only.
            var prune = await _d.DockerAsync("volume", "prune", "-f", "--filter", "label=" + label);
            Assert.True(prune.ExitCode == 0, prune.ToString());
            Assert.Equal($"Deleted Volumes:\n{anonymous}\n\nTotal reclaimed space: 0B\n", prune.Stdout);
            Assert.Equal(1, (await _d.DockerAsync("volume", "inspect", anonymous)).ExitCode);
            Assert.Equal(0, (await _d.DockerAsync("volume", "inspect", named)).ExitCode);

            var all = await _d.DockerAsync("volume", "prune", "-a", "-f", "--filter", "label=" + label);
            Assert.Equal($"Deleted Volumes:\n{named}\n\nTotal reclaimed space: 0B\n", all.Stdout);

            var nothing = await _d.DockerAsync("volume", "prune", "-f", "--filter", "label=" + label);
            Assert.Equal("Total reclaimed space: 0B\n", nothing.Stdout);

            var rmMissing = await _d.DockerAsync("volume", "rm", named);
            Assert.Equal(1, rmMissing.ExitCode);
            Assert.Contains($"get {named}: no such volume", rmMissing.Stderr);
        }
        finally
        {
            await _d.DockerAsync("volume", "rm", "-f", named, anonymous);
        }
    }

    [Fact]
    public async Task InvalidVolumeNameIsA400AndCreatesNothing()
    {
        var create = await _d.DockerAsync("volume", "create", "a/b");
        Assert.Equal(1, create.ExitCode);
        Assert.Contains("create a/b: \"a/b\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed", create.Stderr);

        var name = Unique("badvol");
        var run = await _d.DockerAsync("run", "--network", "none", "--name", name, "-v", "a/b:/data", "busybox", "true");
        Assert.Equal(125, run.ExitCode);
        Assert.Contains("includes invalid characters for a local volume name", run.Stderr);
        Assert.DoesNotContain(name, (await _d.DockerAsync("ps", "-a", "--format", "{{.Names}}")).Stdout);
        Assert.False(Directory.Exists(Path.Combine(_d.DataRoot, "volumes", "a")));
    }

    [Fact]
    public async Task DuplicateMountPointIsRefused()
    {
        var run = await _d.DockerAsync("run", "--network", "none", "--rm", "-v", "dup-a:/data", "--mount", "type=volume,src=dup-b,dst=/data", "busybox", "true");
        Assert.Equal(125, run.ExitCode);
        Assert.Contains("Duplicate mount point: /data", run.Stderr);
        Assert.Equal(1, (await _d.DockerAsync("volume", "inspect", "dup-a")).ExitCode);
    }

    [Fact]
    public async Task InspectShowsDashVMountsAsDockerDoes()
    {
        var volume = Unique("insp");
        var name = Unique("insp-c");
        var host = Path.Combine(_d.Root, Unique("insp-bind"));
        Directory.CreateDirectory(host);
        try
        {
            var create = await _d.DockerAsync("create", "--network", "none", "--name", name, "-v", $"{volume}:/vol", "-v", $"{host}:/host:ro", "busybox");
            Assert.True(create.ExitCode == 0, create.ToString() + _d.ReadLog());
            var mounts = await _d.DockerAsync("inspect", "-f", "{{range .Mounts}}{{.Type}}|{{.Name}}|{{.Source}}|{{.Destination}}|{{.Mode}}|{{.RW}}|{{.Propagation}};{{end}}", name);
            Assert.Contains($"volume|{volume}|{Path.Combine(_d.DataRoot, "volumes", volume, "_data")}|/vol|z|true|;", mounts.Stdout);
            Assert.Contains($"bind||{host}|/host|ro|false|rprivate;", mounts.Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
            await _d.DockerAsync("volume", "rm", "-f", volume);
        }
    }

    [Fact]
    public async Task VolumeDataSurvivesADaemonRestart()
    {
        await using var d = await WharfDaemon.StartAsync();
        await d.ImportBusyboxAsync();
        var write = await d.DockerAsync("run", "--network", "none", "--rm", "-v", "durable:/data", "busybox", "sh", "-c", "echo kept > /data/f");
        Assert.True(write.ExitCode == 0, write.ToString() + d.ReadLog());
        (await d.DockerAsync("create", "--network", "none", "--name", "holder", "-v", "durable:/data", "busybox")).EnsureSuccess("create holder");

        await d.StopAsync();
        await d.StartProcessAsync();

        var read = await d.DockerAsync("run", "--network", "none", "--rm", "-v", "durable:/data", "busybox", "cat", "/data/f");
        Assert.True(read.ExitCode == 0, read.ToString() + d.ReadLog());
        Assert.Equal("kept\n", read.Stdout);
        var inUse = await d.DockerAsync("volume", "rm", "durable");
        Assert.Contains("volume is in use", inUse.Stderr);
        (await d.DockerAsync("rm", "holder")).EnsureSuccess("rm holder");
        (await d.DockerAsync("volume", "rm", "durable")).EnsureSuccess("volume rm");
    }

    /// <summary>busybox plus <c>/data/seed</c>, for an image whose <c>VOLUME /data</c> has content to copy up.</summary>
    private async Task<string> VolumeImageTarAsync()
    {
        var tar = Path.Combine(_d.Root, "volimg.tar");
        if (!File.Exists(tar))
        {
            var busybox = await _d.BusyboxTarAsync();
            var staging = Path.Combine(_d.Root, "volimg-staging");
            Directory.CreateDirectory(Path.Combine(staging, "data"));
            await File.WriteAllTextAsync(Path.Combine(staging, "data", "seed"), "seed-content\n");
            (await ProcessRunner.ShAsync($"cp '{busybox}' '{tar}.tmp' && tar -rf '{tar}.tmp' -C '{staging}' data data/seed && mv '{tar}.tmp' '{tar}'"))
                .EnsureSuccess("volume image tar");
        }
        return tar;
    }
}
