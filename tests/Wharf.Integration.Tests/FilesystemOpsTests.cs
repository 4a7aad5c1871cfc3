using System.Formats.Tar;
using Wharf.Integration.Tests.Infrastructure;

namespace Wharf.Integration.Tests;

/// <summary>The real docker CLI drives <c>cp</c> (both ways, tar streams, stopped containers, escapes), <c>diff</c> and <c>commit</c> against wharfd.</summary>
[Collection(DaemonCollection.Name)]
public sealed class FilesystemOpsTests(DaemonFixture fixture) : IAsyncLifetime
{
    private readonly WharfDaemon _d = fixture.Daemon;
    private readonly string _host = Path.Combine(Path.GetTempPath(), "wharf-fsops-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<string> _containers = [];
    private readonly List<string> _images = [];

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_host);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var c in _containers)
        {
            await _d.DockerAsync("rm", "-f", c);
        }
        foreach (var i in _images)
        {
            await _d.DockerAsync("rmi", "-f", i);
        }
        Directory.Delete(_host, recursive: true);
    }

    private string NewName(string prefix)
    {
        var name = prefix + "-" + Guid.NewGuid().ToString("N")[..6];
        _containers.Add(name);
        return name;
    }

    private async Task<string> CreateAsync(params string[] command)
    {
        var name = NewName("fs");
        var r = await _d.DockerAsync(["create", "--name", name, "busybox", .. command]);
        Assert.True(r.ExitCode == 0, r + _d.ReadLog());
        return name;
    }

    private Task<ProcessResult> DockerShAsync(string script) =>
        ProcessRunner.ShAsync($"DOCKER_HOST='{_d.Host}' DOCKER_CONFIG='{_d.Root}/docker-config' /usr/local/bin/docker {script}");

    [Fact]
    public async Task CpFileAndDirectoryIntoARunningContainerAndBack()
    {
        var name = NewName("cp-run");
        (await _d.DockerAsync("run", "-d", "--name", name, "busybox", "sleep", "60")).EnsureSuccess("run");
        File.WriteAllText(Path.Combine(_host, "hello.txt"), "hello from the host\n");
        Directory.CreateDirectory(Path.Combine(_host, "tree", "sub"));
        File.WriteAllText(Path.Combine(_host, "tree", "sub", "deep.txt"), "deep\n");

        var toFile = await _d.DockerAsync("cp", Path.Combine(_host, "hello.txt"), name + ":/tmp/");
        Assert.True(toFile.ExitCode == 0, toFile + _d.ReadLog());
        var toDir = await _d.DockerAsync("cp", Path.Combine(_host, "tree"), name + ":/data");
        Assert.True(toDir.ExitCode == 0, toDir + _d.ReadLog());

        var back = Path.Combine(_host, "back");
        Directory.CreateDirectory(back);
        (await _d.DockerAsync("cp", name + ":/tmp/hello.txt", Path.Combine(back, "copy.txt"))).EnsureSuccess("cp file back");
        Assert.Equal("hello from the host\n", File.ReadAllText(Path.Combine(back, "copy.txt")));
        (await _d.DockerAsync("cp", name + ":/data", Path.Combine(back, "data"))).EnsureSuccess("cp dir back");
        Assert.Equal("deep\n", File.ReadAllText(Path.Combine(back, "data", "sub", "deep.txt")));
        // Into an existing directory the source directory keeps its name; "/." copies only its contents.
        (await _d.DockerAsync("cp", name + ":/data", back)).EnsureSuccess("cp dir into existing dir");
        Assert.True(File.Exists(Path.Combine(back, "data", "sub", "deep.txt")));
        Directory.CreateDirectory(Path.Combine(back, "contents"));
        (await _d.DockerAsync("cp", name + ":/data/.", Path.Combine(back, "contents"))).EnsureSuccess("cp dir contents");
        Assert.True(File.Exists(Path.Combine(back, "contents", "sub", "deep.txt")));
    }

    [Fact]
    public async Task CpStreamsTarsThroughStdoutAndStdin()
    {
        var name = await CreateAsync("true");
        var listing = await DockerShAsync($"cp {name}:/etc/passwd - | tar -tvf -");
        Assert.True(listing.ExitCode == 0, listing.ToString());
        Assert.Matches(@"^-rw-r--r-- (root/root|0/0)\s+\d+ .* passwd\n$", listing.Stdout);

        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "streamed/") { Mode = (UnixFileMode)0b111_101_101 });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "streamed/in.txt")
            {
                Mode = (UnixFileMode)0b110_100_100,
                Uid = 1234,
                Gid = 4321,
                DataStream = new MemoryStream("via stdin\n"u8.ToArray()),
            });
        }
        var put = await _d.DockerAsync(["cp", "-", name + ":/tmp"], tar.ToArray());
        Assert.True(put.ExitCode == 0, put + _d.ReadLog());
        var read = await DockerShAsync($"cp {name}:/tmp/streamed/in.txt - | tar -xOf -");
        Assert.Equal("via stdin\n", read.Stdout);
        var owner = await DockerShAsync($"cp {name}:/tmp/streamed/in.txt - | tar -tvf - --numeric-owner");
        Assert.Contains("1234/4321", owner.Stdout);
    }

    [Fact]
    public async Task CpIntoAStoppedContainerBeforeItStarts()
    {
        var name = await CreateAsync("cat", "/greeting");
        File.WriteAllText(Path.Combine(_host, "greeting"), "copied before start\n");
        var cp = await _d.DockerAsync("cp", Path.Combine(_host, "greeting"), name + ":/greeting");
        Assert.True(cp.ExitCode == 0, cp + _d.ReadLog());
        var start = await _d.DockerAsync("start", "-a", name);
        Assert.True(start.ExitCode == 0, start + _d.ReadLog());
        Assert.Equal("copied before start\n", start.Stdout);
        // And out of the exited container.
        var back = Path.Combine(_host, "from-exited");
        (await _d.DockerAsync("cp", name + ":/greeting", back)).EnsureSuccess("cp from exited container");
        Assert.Equal("copied before start\n", File.ReadAllText(back));
    }

    [Fact]
    public async Task CpOfAMissingPathIs404WithDockersMessage()
    {
        var name = await CreateAsync("true");
        var r = await _d.DockerAsync("cp", name + ":/no/such/file", Path.Combine(_host, "x"));
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains($"Could not find the file /no/such/file in container {name}", r.Stderr);
        var missing = await _d.DockerAsync("cp", Path.Combine(_host, "nope"), "no-such-container-" + Guid.NewGuid().ToString("N")[..6] + ":/tmp");
        Assert.NotEqual(0, missing.ExitCode);
    }

    [Fact]
    public async Task CpPathsThatClimbOutOrFollowAbsoluteSymlinksStayInsideTheRootfs()
    {
        var name = await CreateAsync("true");
        var marker = "marker-" + Guid.NewGuid().ToString("N")[..8];
        File.WriteAllText(Path.Combine(_host, marker), "inside\n");
        (await _d.DockerAsync("cp", Path.Combine(_host, marker), name + ":/" + marker)).EnsureSuccess("cp marker");

        // ".." is clamped at the container's root.
        var climbed = await DockerShAsync($"cp {name}:/../../../../{marker} - | tar -xOf -");
        Assert.Equal("inside\n", climbed.Stdout);

        // An absolute symlink to "/" means the container's root, for reads and for writes.
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "rootlink") { LinkName = "/", Mode = (UnixFileMode)0b111_111_111 });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "hostetc") { LinkName = "/etc", Mode = (UnixFileMode)0b111_111_111 });
        }
        (await _d.DockerAsync(["cp", "-", name + ":/tmp"], tar.ToArray())).EnsureSuccess("cp symlinks");
        var viaLink = await DockerShAsync($"cp {name}:/tmp/rootlink/{marker} - | tar -xOf -");
        Assert.Equal("inside\n", viaLink.Stdout);
        var passwd = await DockerShAsync($"cp {name}:/tmp/hostetc/passwd - | tar -xOf -");
        // busybox's passwd, not the host's.
        Assert.Contains("nobody:x:65534:65534:nobody:/home:/bin/false", passwd.Stdout);

        var escapee = "wharf-escape-" + Guid.NewGuid().ToString("N")[..8];
        File.WriteAllText(Path.Combine(_host, escapee), "must stay inside\n");
        (await _d.DockerAsync("cp", Path.Combine(_host, escapee), name + ":/tmp/rootlink/")).EnsureSuccess("cp through symlink");
        Assert.False(File.Exists("/" + escapee));
        var landed = await DockerShAsync($"cp {name}:/{escapee} - | tar -xOf -");
        Assert.Equal("must stay inside\n", landed.Stdout);

        // A tar entry climbing above the destination is refused and nothing lands outside.
        var evil = new MemoryStream();
        using (var writer = new TarWriter(evil, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "../../../../../../tmp/" + escapee + "-tar")
            {
                Mode = (UnixFileMode)0b110_100_100,
                DataStream = new MemoryStream("x"u8.ToArray()),
            });
        }
        var refused = await _d.DockerAsync(["cp", "-", name + ":/tmp"], evil.ToArray());
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("is outside of", refused.Stderr);
        Assert.False(File.Exists("/tmp/" + escapee + "-tar"));
    }

    [Fact]
    public async Task DiffListsAddedChangedAndDeletedPaths()
    {
        var name = NewName("diff");
        var run = await _d.DockerAsync("run", "--name", name, "busybox", "sh", "-c", "echo new > /added.txt && echo more >> /etc/passwd && rm /bin/vi && mkdir -p /var/newdir");
        Assert.True(run.ExitCode == 0, run + _d.ReadLog());
        var diff = await _d.DockerAsync("diff", name);
        Assert.True(diff.ExitCode == 0, diff + _d.ReadLog());
        var lines = diff.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("A /added.txt", lines);
        Assert.Contains("C /etc", lines);
        Assert.Contains("C /etc/passwd", lines);
        Assert.Contains("C /bin", lines);
        Assert.Contains("D /bin/vi", lines);
        Assert.Contains("C /var", lines);
        Assert.Contains("A /var/newdir", lines);
        Assert.DoesNotContain(lines, l => l.EndsWith("/etc/hosts", StringComparison.Ordinal) || l.StartsWith("C /proc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CommitMakesARunnableImageWithTheChangesAndConfig()
    {
        var name = NewName("commit");
        (await _d.DockerAsync("run", "--name", name, "busybox", "sh", "-c", "echo committed > /x && rm /bin/vi")).EnsureSuccess("run");
        var image = "fsops-commit-" + Guid.NewGuid().ToString("N")[..6] + ":v1";
        _images.Add(image);
        var commit = await _d.DockerAsync("commit", "-c", "CMD [\"cat\",\"/x\"]", "-m", "a message", "-a", "Someone <s@example.com>", name, image);
        Assert.True(commit.ExitCode == 0, commit + _d.ReadLog());
        Assert.Matches("^sha256:[0-9a-f]{64}\n$", commit.Stdout);

        var run = await _d.DockerAsync("run", "--rm", image);
        Assert.True(run.ExitCode == 0, run + _d.ReadLog());
        Assert.Equal("committed\n", run.Stdout);
        var gone = await _d.DockerAsync("run", "--rm", image, "ls", "/bin/vi");
        Assert.NotEqual(0, gone.ExitCode);

        var inspect = await _d.DockerAsync("inspect", "-f", "{{.Comment}}|{{.Author}}|{{json .Config.Cmd}}|{{len .RootFS.Layers}}", image);
        Assert.Equal("a message|Someone <s@example.com>|[\"cat\",\"/x\"]|2\n", inspect.Stdout);
        var history = await _d.DockerAsync("image", "inspect", "-f", "{{.Parent}}", image);
        Assert.StartsWith("sha256:", history.Stdout);
    }

    [Fact]
    public async Task CommitOfARunningContainerPausesAndResumesIt()
    {
        var name = NewName("commit-run");
        (await _d.DockerAsync("run", "-d", "--name", name, "busybox", "sh", "-c", "echo live > /live; sleep 60")).EnsureSuccess("run");
        var image = "fsops-live-" + Guid.NewGuid().ToString("N")[..6];
        _images.Add(image);
        ProcessResult commit = new(1, "", "");
        for (var i = 0; i < 50; i++)
        {
            var diff = await _d.DockerAsync("diff", name);
            if (diff.Stdout.Contains("A /live", StringComparison.Ordinal))
            {
                commit = await _d.DockerAsync("commit", name, image);
                break;
            }
            await Task.Delay(100);
        }
        Assert.True(commit.ExitCode == 0, commit + _d.ReadLog());
        var state = await _d.DockerAsync("inspect", "-f", "{{.State.Status}}", name);
        Assert.Equal("running\n", state.Stdout);
        var run = await _d.DockerAsync("run", "--rm", image, "cat", "/live");
        Assert.Equal("live\n", run.Stdout);
    }

    [Fact]
    public async Task SystemDfPrintsDockersTable()
    {
        var df = await _d.DockerAsync("system", "df");
        Assert.True(df.ExitCode == 0, df + _d.ReadLog());
        var lines = df.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^TYPE\s+TOTAL\s+ACTIVE\s+SIZE\s+RECLAIMABLE$", lines[0]);
        Assert.Matches(@"^Images\s+\d+\s+\d+\s+\S+", lines[1]);
        Assert.Matches(@"^Containers\s+\d+\s+\d+\s+\S+", lines[2]);
        Assert.StartsWith("Local Volumes", lines[3]);
        Assert.StartsWith("Build Cache", lines[4]);
        var verbose = await _d.DockerAsync("system", "df", "-v");
        Assert.True(verbose.ExitCode == 0, verbose.ToString());
        Assert.Contains("busybox", verbose.Stdout);
    }
    [Fact]
    public async Task WharfCliCopiesDiffsCommitsAndReportsDiskUsage()
    {
        var name = NewName("wharf-cli");
        (await _d.WharfAsync("run", "--name", name, "busybox", "sh", "-c", "echo made > /made && rm /bin/vi")).EnsureSuccess("run");
        File.WriteAllText(Path.Combine(_host, "in.txt"), "from wharf cp\n");
        Directory.CreateDirectory(Path.Combine(_host, "indir", "sub"));
        File.WriteAllText(Path.Combine(_host, "indir", "sub", "f"), "f\n");

        var cp = await _d.WharfAsync("cp", Path.Combine(_host, "in.txt"), name + ":/in.txt");
        Assert.True(cp.ExitCode == 0, cp + _d.ReadLog());
        (await _d.WharfAsync("cp", Path.Combine(_host, "indir"), name + ":/tmp/")).EnsureSuccess("wharf cp dir");
        var back = Path.Combine(_host, "wharf-back");
        Directory.CreateDirectory(back);
        (await _d.WharfAsync("cp", name + ":/in.txt", back)).EnsureSuccess("wharf cp back");
        Assert.Equal("from wharf cp\n", File.ReadAllText(Path.Combine(back, "in.txt")));
        (await _d.WharfAsync("cp", name + ":/tmp/indir", Path.Combine(back, "copied"))).EnsureSuccess("wharf cp dir back");
        Assert.Equal("f\n", File.ReadAllText(Path.Combine(back, "copied", "sub", "f")));
        var missing = await _d.WharfAsync("cp", name + ":/nope", back);
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal($"Error response from daemon: Could not find the file /nope in container {name}\n", missing.Stderr);
        var overDir = await _d.WharfAsync("cp", name + ":/tmp/indir", Path.Combine(back, "in.txt"));
        Assert.Equal(1, overDir.ExitCode);
        Assert.Contains("cannot copy directory", overDir.Stderr);

        var diff = await _d.WharfAsync("diff", name);
        Assert.True(diff.ExitCode == 0, diff.ToString());
        Assert.Contains("A /made\n", diff.Stdout);
        Assert.Contains("D /bin/vi\n", diff.Stdout);
        Assert.Contains("A /in.txt\n", diff.Stdout);

        var image = "fsops-wharf-" + Guid.NewGuid().ToString("N")[..6];
        _images.Add(image);
        var commit = await _d.WharfAsync("commit", "-c", "CMD [\"cat\", \"/made\", \"/in.txt\"]", name, image);
        Assert.True(commit.ExitCode == 0, commit + _d.ReadLog());
        Assert.Matches("^sha256:[0-9a-f]{64}\n$", commit.Stdout);
        var run = await _d.WharfAsync("run", "--rm", image);
        Assert.Equal("made\nfrom wharf cp\n", run.Stdout);

        var df = await _d.WharfAsync("system", "df");
        Assert.True(df.ExitCode == 0, df.ToString());
        Assert.Matches(@"^TYPE\s+TOTAL\s+ACTIVE\s+SIZE\s+RECLAIMABLE\nImages\s+\d+\s+\d+\s+", df.Stdout);
        var format = await _d.WharfAsync("system", "df", "--format", "{{.Type}}={{.TotalCount}}");
        Assert.Contains("Build Cache=0\n", format.Stdout);
    }
}
