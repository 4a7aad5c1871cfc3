using System.Formats.Tar;
using System.Text;
using Wharf.Core.Errors;
using Wharf.Engine.Containers;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Tests.Containers;

/// <summary>Real containers (conmon + runc) through the container service on private roots.</summary>
public sealed class ContainerServiceTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ContainerEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private ContainerService Service => _env.Service;

    [Fact]
    public async Task EchoWritesLogAndExitsZero()
    {
        var id = await _env.CreateAsync(["echo", "hi"], "echoer");
        var created = await Service.InspectAsync("echoer");
        Assert.Equal(ContainerStatus.Created, created.Container.State.Status);
        Assert.Equal("none", created.Container.HostConfig.NetworkMode);
        Assert.Equal(id[..12], created.Container.Config.Hostname);
        Assert.Equal("echo", created.Container.Path);

        var exited = Service.WaitAsync(id, ContainerWaitCondition.NextExit);
        await Service.StartAsync(id);
        var result = await exited.WaitAsync(Timeout);
        Assert.Equal(0, result.StatusCode);
        Assert.Equal("hi\n", await _env.LogsAsync(id));

        var inspect = (await Service.InspectAsync(id)).Container;
        Assert.Equal(ContainerStatus.Exited, inspect.State.Status);
        Assert.NotNull(inspect.State.FinishedAt);
        Assert.NotNull(inspect.State.StartedAt);
        Assert.Equal(0, inspect.State.Pid);
        Assert.False(RootfsMounter.IsMounted(Path.Combine(Service.ContainerDirectory(id), "rootfs")));
    }

    [Fact]
    public async Task ExitCodeIsRecorded()
    {
        var id = await _env.CreateAsync(["sh", "-c", "echo out; echo err >&2; exit 3"]);
        await Service.StartAsync(id);
        var result = await Service.WaitAsync(id).WaitAsync(Timeout);
        Assert.Equal(3, result.StatusCode);
        Assert.Equal(3, Service.Get(id).State.ExitCode);
        Assert.Equal(["err", "out"], (await _env.LogsAsync(id)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        var notRunning = await Service.WaitAsync(id).WaitAsync(Timeout);
        Assert.Equal(3, notRunning.StatusCode);
    }

    [Fact]
    public async Task StopKillsAfterTimeoutAndNotModifiedWhenStopped()
    {
        var id = await _env.CreateAsync(["sleep", "100"]);
        await Service.StartAsync(id);
        var running = Service.Get(id);
        Assert.True(running.State.Running);
        Assert.True(running.State.Pid > 0);
        Assert.True(running.ConmonPid > 0);
        await Assert.ThrowsAsync<NotModifiedException>(() => Service.StartAsync(id));

        await Service.StopAsync(id, timeoutSeconds: 1).WaitAsync(Timeout);
        var stopped = Service.Get(id);
        Assert.Equal(ContainerStatus.Exited, stopped.State.Status);
        Assert.Contains(stopped.State.ExitCode, new[] { 137, 143 });
        await Assert.ThrowsAsync<NotModifiedException>(() => Service.StopAsync(id));
        var kill = await Assert.ThrowsAsync<ConflictException>(() => Service.KillAsync(id));
        Assert.Equal($"Cannot kill container: {id}: container {id} is not running", kill.Message);
    }

    [Fact]
    public async Task TrappedTermStopsGracefully()
    {
        var id = await _env.CreateAsync(["sh", "-c", "trap 'exit 143' TERM; while true; do sleep 0.1; done"]);
        await Service.StartAsync(id);
        await Task.Delay(300);
        await Service.StopAsync(id, timeoutSeconds: 10).WaitAsync(Timeout);
        Assert.Equal(143, Service.Get(id).State.ExitCode);
    }

    [Fact]
    public async Task KillWithSignalRecordsExit()
    {
        var id = await _env.CreateAsync(["sleep", "100"]);
        await Service.StartAsync(id);
        await Service.KillAsync(id, "SIGKILL").WaitAsync(Timeout);
        Assert.Equal(137, Service.Get(id).State.ExitCode);
        Assert.False(Service.Get(id).State.Running);
    }

    [Fact]
    public async Task WaitConditions()
    {
        var id = await _env.CreateAsync(["true"]);
        var immediate = await Service.WaitAsync(id, ContainerWaitCondition.NotRunning).WaitAsync(Timeout);
        Assert.Equal(0, immediate.StatusCode);

        var removed = Service.WaitAsync(id, ContainerWaitCondition.Removed);
        var nextExit = Service.WaitAsync(id, ContainerWaitCondition.NextExit);
        await Service.StartAsync(id);
        Assert.Equal(0, (await nextExit.WaitAsync(Timeout)).StatusCode);
        Assert.False(removed.IsCompleted);
        await Service.RemoveAsync(id);
        Assert.Equal(0, (await removed.WaitAsync(Timeout)).StatusCode);
        await Assert.ThrowsAsync<NotFoundException>(() => Service.WaitAsync(id));
    }

    [Fact]
    public async Task CancelledWaitIsNormal()
    {
        var id = await _env.CreateAsync(["true"]);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Service.WaitAsync(id, ContainerWaitCondition.NextExit, cts.Token));
    }

    [Fact]
    public async Task RemoveRunningNeedsForceAndCleansEverything()
    {
        var id = await _env.CreateAsync(["sleep", "100"], "busy");
        await Service.StartAsync(id);
        var refused = await Assert.ThrowsAsync<ConflictException>(() => Service.RemoveAsync("busy"));
        Assert.Equal("cannot remove container \"/busy\": container is running: stop the container before removing or force remove", refused.Message);

        await Service.RemoveAsync("busy", force: true).WaitAsync(Timeout);
        Assert.Null(_env.Store.Get(id));
        Assert.False(Directory.Exists(Service.ContainerDirectory(id)));
        Assert.DoesNotContain(id, _env.Snapshotter.List());
        Assert.Null(_env.Runtime.ReadExit(id));
        Assert.Null(await _env.Runtime.StateAsync(id));
        await Assert.ThrowsAsync<NotFoundException>(() => Service.RemoveAsync(id));
    }

    [Fact]
    public async Task NameConflictAndMissingImageLeaveNothingBehind()
    {
        var id = await _env.CreateAsync(["true"], "taken");
        var conflict = await Assert.ThrowsAsync<ConflictException>(() => _env.CreateAsync(["true"], "taken"));
        Assert.Equal(
            $"Conflict. The container name \"/taken\" is already in use by container \"{id}\". You have to remove (or rename) that container to be able to reuse that name.",
            conflict.Message);
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => Service.CreateAsync(new ContainerCreateOptions { Config = new ContainerConfig { Image = "nope:1" } }));
        Assert.Equal("No such image: nope:1", missing.Message);
        await Assert.ThrowsAsync<InvalidArgumentException>(() => _env.CreateAsync(["true"], "bad name"));

        Assert.Single(_env.Store.List());
        Assert.Single(Directory.GetDirectories(Path.Combine(_env.Options.DataRoot, "containers")));
        Assert.Equal(2, _env.Snapshotter.List().Count);
    }

    [Fact]
    public async Task GeneratedNameAndHostFiles()
    {
        var id = await _env.CreateAsync(["cat", "/etc/hostname", "/etc/hosts"]);
        var container = Service.Get(id);
        Assert.Matches("^[a-z]+_[a-z]+[0-9]?$", container.Name);
        Assert.Equal(id, Service.Get(container.Name).Id);
        await Service.StartAsync(id);
        Assert.Equal(0, (await Service.WaitAsync(id).WaitAsync(Timeout)).StatusCode);
        var logs = await _env.LogsAsync(id);
        Assert.StartsWith(id[..12] + "\n127.0.0.1\tlocalhost\n", logs);
    }

    [Fact]
    public async Task MissingCommandFailsWith127AndAutoRemoves()
    {
        var id = await _env.CreateAsync(["/no/such/binary"], "broken");
        var error = await Assert.ThrowsAnyAsync<WharfException>(() => Service.StartAsync(id));
        Assert.Contains("no such file or directory", error is RuntimeException r ? r.RuntimeMessage : error.Message);
        var container = Service.Get(id);
        Assert.Equal(127, container.State.ExitCode);
        Assert.Equal(ContainerStatus.Created, container.State.Status);
        Assert.NotEmpty(container.State.Error);
        Assert.False(RootfsMounter.IsMounted(Path.Combine(Service.ContainerDirectory(id), "rootfs")));

        var rmId = await _env.CreateAsync(["nope-not-here"], "broken-rm", new ContainerHostConfig { AutoRemove = true });
        var removed = Service.WaitAsync(rmId, ContainerWaitCondition.Removed);
        await Assert.ThrowsAnyAsync<WharfException>(() => Service.StartAsync(rmId));
        var result = await removed.WaitAsync(Timeout);
        Assert.Equal(127, result.StatusCode);
        Assert.Null(_env.Store.Get(rmId));
        Assert.False(Directory.Exists(Service.ContainerDirectory(rmId)));
    }

    [Fact]
    public async Task AutoRemoveAfterExit()
    {
        var id = await _env.CreateAsync(["sh", "-c", "exit 4"], hostConfig: new ContainerHostConfig { AutoRemove = true });
        var removed = Service.WaitAsync(id, ContainerWaitCondition.Removed);
        await Service.StartAsync(id);
        Assert.Equal(4, (await removed.WaitAsync(Timeout)).StatusCode);
        Assert.Null(_env.Store.Get(id));
        Assert.False(Directory.Exists(Service.ContainerDirectory(id)));
    }

    [Fact]
    public async Task AttachBeforeStartSeesAllOutput()
    {
        var id = await _env.CreateAsync(["sh", "-c", "echo one; echo two >&2"]);
        var attach = Service.AttachAsync(id);
        Assert.False(attach.IsCompleted);
        await Service.StartAsync(id);
        await using var connection = await attach.WaitAsync(Timeout);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        while (await connection.ReceiveAsync().AsTask().WaitAsync(Timeout) is { } packet)
        {
            (packet.Stream == StdStream.Stderr ? stderr : stdout).Append(Encoding.UTF8.GetString(packet.Data.Span));
        }
        Assert.Equal("one\n", stdout.ToString());
        Assert.Equal("two\n", stderr.ToString());
    }

    [Fact]
    public async Task ListFiltersRealContainers()
    {
        var runningId = await _env.CreateAsync(["sleep", "100"], "lister-run", tweak: c => c with { Labels = new Dictionary<string, string> { ["role"] = "x" } });
        var createdId = await _env.CreateAsync(["true"], "lister-created");
        await Service.StartAsync(runningId);
        var running = await Service.ListAsync(new ContainerListOptions());
        Assert.Equal([runningId], running.Select(c => c.Container.Id));
        var all = await Service.ListAsync(new ContainerListOptions { All = true, Size = true });
        Assert.Equal([createdId, runningId], all.Select(c => c.Container.Id));
        Assert.All(all, c => Assert.True(c.SizeRootFs > 0));
        var labelled = await Service.ListAsync(new ContainerListOptions
        {
            All = true,
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["label"] = ["role=x"], ["ancestor"] = ["busybox"] },
        });
        Assert.Equal([runningId], labelled.Select(c => c.Container.Id));
    }

    [Fact]
    public async Task ExportWritesWholeFilesystem()
    {
        var id = await _env.CreateAsync(["sh", "-c", "echo data > /tmp/made-here"]);
        await Service.StartAsync(id);
        await Service.WaitAsync(id).WaitAsync(Timeout);
        using var tar = new MemoryStream();
        await Service.ExportAsync(id, tar);
        tar.Position = 0;
        var names = new List<string>();
        using (var reader = new TarReader(tar))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                names.Add(entry.Name.TrimStart('.', '/').TrimEnd('/'));
            }
        }
        Assert.Contains("bin/busybox", names);
        Assert.Contains("tmp/made-here", names);
        Assert.False(RootfsMounter.IsMounted(Path.Combine(Service.ContainerDirectory(id), "rootfs")));
    }

    [Fact]
    public async Task RunningContainerSurvivesDaemonRestart()
    {
        var id = await _env.CreateAsync(["sh", "-c", "echo started; sleep 100"]);
        await Service.StartAsync(id);
        var pid = Service.Get(id).State.Pid;

        _env.Restart();
        await Service.RecoverAsync();
        var recovered = Service.Get(id);
        Assert.True(recovered.State.Running);
        Assert.Equal(pid, recovered.State.Pid);
        Assert.True(Directory.Exists($"/proc/{pid}"));

        await Service.KillAsync(id, "KILL").WaitAsync(Timeout);
        var exited = Service.Get(id);
        Assert.Equal(ContainerStatus.Exited, exited.State.Status);
        Assert.Equal(137, exited.State.ExitCode);
        Assert.Equal("started\n", await _env.LogsAsync(id));
    }

    [Fact]
    public async Task ExitWhileDaemonDownIsRecordedByRecovery()
    {
        var id = await _env.CreateAsync(["sh", "-c", "sleep 1; exit 5"]);
        await Service.StartAsync(id);
        _env.Service.Dispose();
        _env.Runtime.Dispose();
        var exitFile = Path.Combine(_env.Options.ExecRoot, "exits", id);
        var deadline = DateTime.UtcNow + Timeout;
        while (!File.Exists(exitFile) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.True(File.Exists(exitFile));
        Assert.True(_env.Store.Get(id)!.State.Running);

        _env.Restart();
        await Service.RecoverAsync();
        var recovered = Service.Get(id);
        Assert.Equal(ContainerStatus.Exited, recovered.State.Status);
        Assert.Equal(5, recovered.State.ExitCode);
        Assert.NotNull(recovered.State.FinishedAt);
        Assert.False(RootfsMounter.IsMounted(Path.Combine(Service.ContainerDirectory(id), "rootfs")));
    }

    [Fact]
    public async Task RecoveryRemovesLeftoversWithoutRows()
    {
        var orphanId = new string('b', 64);
        Directory.CreateDirectory(Path.Combine(_env.Options.DataRoot, "containers", orphanId));
        _env.Snapshotter.Prepare(orphanId, null);
        await Service.RecoverAsync();
        Assert.False(Directory.Exists(Path.Combine(_env.Options.DataRoot, "containers", orphanId)));
        Assert.DoesNotContain(orphanId, _env.Snapshotter.List());
    }

    [Fact]
    public async Task FollowedLogsEndWhenContainerStops()
    {
        var id = await _env.CreateAsync(["sh", "-c", "echo a; sleep 1; echo b"]);
        await Service.StartAsync(id);
        var text = new StringBuilder();
        await foreach (var entry in Service.ReadLogsAsync(id, new Wharf.Engine.Runtime.Conmon.LogReadOptions { Follow = true }).WithCancellation(new CancellationTokenSource(Timeout).Token))
        {
            text.Append(Encoding.UTF8.GetString(entry.Bytes));
        }
        Assert.Equal("a\nb\n", text.ToString());
        Assert.False(Service.Get(id).State.Running);
    }

    [Fact]
    public async Task ConcurrentRemovalIsRefused()
    {
        var id = await _env.CreateAsync(["sleep", "100"]);
        await Service.StartAsync(id);
        var first = Service.RemoveAsync(id, force: true);
        var second = await Assert.ThrowsAsync<ConflictException>(() => Service.RemoveAsync(id, force: true));
        Assert.Equal($"removal of container {id} is already in progress", second.Message);
        await first.WaitAsync(Timeout);
        Assert.Null(_env.Store.Get(id));
    }

    [Fact]
    public async Task ContainerWithoutMonitorIsKilledByRecovery()
    {
        var id = await _env.CreateAsync(["sleep", "100"]);
        await Service.StartAsync(id);
        var container = Service.Get(id);
        _env.Service.Dispose();
        _env.Runtime.Dispose();
        System.Diagnostics.Process.GetProcessById(container.ConmonPid).Kill();
        var deadline = DateTime.UtcNow + Timeout;
        while (Directory.Exists($"/proc/{container.ConmonPid}") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        _env.Restart();
        await Service.RecoverAsync();
        var recovered = Service.Get(id);
        Assert.Equal(ContainerStatus.Exited, recovered.State.Status);
        Assert.Equal(-1, recovered.State.ExitCode);
        Assert.NotEmpty(recovered.State.Error);
        Assert.Null(await _env.Runtime.StateAsync(id));
    }

    [Fact]
    public async Task HostNetworkUsesHostNameAndHostsFile()
    {
        var id = await _env.CreateAsync(["hostname"], hostConfig: new ContainerHostConfig { NetworkMode = "host" });
        var container = Service.Get(id);
        Assert.Equal("host", container.HostConfig.NetworkMode);
        Assert.Equal(Environment.MachineName, container.Config.Hostname);
        Assert.Equal(File.ReadAllText("/etc/hosts"), File.ReadAllText(container.HostsPath));
        await Service.StartAsync(id);
        Assert.Equal(0, (await Service.WaitAsync(id).WaitAsync(Timeout)).StatusCode);
        Assert.Equal(Environment.MachineName + "\n", await _env.LogsAsync(id));
    }

    [Fact]
    public async Task UnknownNetworkIsRejected()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _env.CreateAsync(["true"], hostConfig: new ContainerHostConfig { NetworkMode = "nonet" }));
        Assert.Empty(_env.Store.List());
    }

    [Fact]
    public async Task PauseUnpauseAndStopPaused()
    {
        var id = await _env.CreateAsync(["sleep", "100"]);
        await Assert.ThrowsAsync<ConflictException>(() => Service.PauseAsync(id));
        await Service.StartAsync(id);
        await Service.PauseAsync(id);
        Assert.Equal(ContainerStatus.Paused, Service.Get(id).State.Status);
        Assert.True(Service.Get(id).State.Running);
        await Assert.ThrowsAsync<ConflictException>(() => Service.PauseAsync(id));
        await Service.UnpauseAsync(id);
        Assert.Equal(ContainerStatus.Running, Service.Get(id).State.Status);
        await Service.PauseAsync(id);
        await Service.StopAsync(id, timeoutSeconds: 1).WaitAsync(Timeout);
        Assert.Equal(ContainerStatus.Exited, Service.Get(id).State.Status);
        await Assert.ThrowsAsync<ConflictException>(() => Service.UnpauseAsync(id));
    }

    [Fact]
    public async Task RestartRunsAgain()
    {
        var id = await _env.CreateAsync(["sh", "-c", "echo run; sleep 100"]);
        await Service.StartAsync(id);
        var firstPid = Service.Get(id).State.Pid;
        // Restart with t=0 kills at once: let the first run write its line before that.
        await LogsReachAsync(id, "run\n");
        await Service.RestartAsync(id, timeoutSeconds: 0).WaitAsync(Timeout);
        var restarted = Service.Get(id);
        Assert.True(restarted.State.Running);
        Assert.NotEqual(firstPid, restarted.State.Pid);
        await LogsReachAsync(id, "run\nrun\n");
        await Service.StopAsync(id, timeoutSeconds: 0).WaitAsync(Timeout);
        Assert.Equal("run\nrun\n", await _env.LogsAsync(id));
    }

    private async Task LogsReachAsync(string id, string expected)
    {
        for (var i = 0; i < 200 && await _env.LogsAsync(id) != expected; i++)
        {
            await Task.Delay(25);
        }
    }

    [Fact]
    public async Task RenameAndPrune()
    {
        var keep = await _env.CreateAsync(["true"], "keep", tweak: c => c with { Labels = new Dictionary<string, string> { ["keep"] = "1" } });
        var drop = await _env.CreateAsync(["true"], "drop");
        var running = await _env.CreateAsync(["sleep", "100"], "running");
        await Service.StartAsync(running);

        await Service.RenameAsync("drop", "dropped");
        Assert.Equal(drop, Service.Get("dropped").Id);
        var conflict = await Assert.ThrowsAsync<ConflictException>(() => Service.RenameAsync("dropped", "keep"));
        Assert.StartsWith("Error when allocating new name: Conflict. The container name \"/keep\"", conflict.Message);

        var (deleted, _) = await Service.PruneAsync(new Dictionary<string, IReadOnlyList<string>> { ["label!"] = ["keep"] });
        Assert.Equal([drop], deleted);
        Assert.NotNull(_env.Store.Get(keep));
        Assert.NotNull(_env.Store.Get(running));
        Assert.False(Directory.Exists(Service.ContainerDirectory(drop)));
    }

    [Fact]
    public async Task HostBindsAreMountedAndBadOnesRefusedAtCreate()
    {
        var hostDir = Directory.CreateDirectory(Path.Combine(_env.Root, "shared")).FullName;
        File.WriteAllText(Path.Combine(hostDir, "in.txt"), "from host\n");
        var id = await _env.CreateAsync(["sh", "-c", "cat /data/in.txt; echo back > /data/out.txt; echo x > /ro/f || echo readonly"],
            hostConfig: new ContainerHostConfig { Binds = [hostDir + ":/data", hostDir + ":/ro:ro"] });
        await Service.StartAsync(id);
        Assert.Equal(0, (await Service.WaitAsync(id).WaitAsync(Timeout)).StatusCode);
        var logs = await _env.LogsAsync(id);
        Assert.StartsWith("from host\n", logs);
        Assert.Contains("readonly\n", logs);
        Assert.Contains("Read-only file system", logs);
        Assert.Equal("back\n", File.ReadAllText(Path.Combine(hostDir, "out.txt")));

        await Assert.ThrowsAsync<InvalidArgumentException>(() => _env.CreateAsync(["true"], hostConfig: new ContainerHostConfig { Binds = ["/tmp:relative"] }));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => _env.CreateAsync(["true"], hostConfig: new ContainerHostConfig { Binds = ["/tmp:/x:bogus"] }));
        Assert.Single(_env.Store.List());
    }
}
