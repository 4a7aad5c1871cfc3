using System.Globalization;
using Wharf.Integration.Tests.Infrastructure;

namespace Wharf.Integration.Tests;

/// <summary>Resource limits, security settings, OOM, stats, top and update through the real docker CLI and wharf.</summary>
[Collection(DaemonCollection.Name)]
public sealed class ResourcesTests(DaemonFixture fixture)
{
    private readonly WharfDaemon _d = fixture.Daemon;

    private static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    /// <summary>The host directory of a container's cgroup for <paramref name="controller"/> (v1) or its unified directory (v2).</summary>
    private static string CgroupDir(int pid, string controller)
    {
        var unified = File.Exists("/sys/fs/cgroup/cgroup.controllers");
        foreach (var line in File.ReadAllLines($"/proc/{pid}/cgroup"))
        {
            var parts = line.Split(':', 3);
            if (unified && parts[0] == "0")
                return "/sys/fs/cgroup" + parts[2];
            if (!unified && parts[1].Split(',').Contains(controller))
            {
                var mount = Directory.EnumerateDirectories("/sys/fs/cgroup").First(d => Path.GetFileName(d).Split(',').Contains(controller));
                return mount + parts[2];
            }
        }
        throw new InvalidOperationException($"no {controller} cgroup for {pid}");
    }

    private async Task<int> PidAsync(string name)
    {
        var r = await _d.DockerAsync("inspect", "-f", "{{.State.Pid}}", name);
        Assert.True(r.ExitCode == 0, r.ToString());
        return int.Parse(r.Stdout.Trim(), CultureInfo.InvariantCulture);
    }

    private async Task<string> RunDetachedAsync(string name, params string[] args)
    {
        var r = await _d.DockerAsync(["run", "-d", "--network", "none", "--name", name, .. args], null);
        Assert.True(r.ExitCode == 0, r.ToString() + _d.ReadLog());
        return r.Stdout.Trim();
    }

    private async Task<ProcessResult> RunAsync(params string[] args) =>
        await _d.DockerAsync(["run", "--rm", "--network", "none", .. args], null);

    [Fact]
    public async Task MemoryLimitIsInInspectAndInTheCgroupAndUpdateChangesIt()
    {
        var name = NewName("rs-mem");
        try
        {
            await RunDetachedAsync(name, "--memory", "32m", "busybox", "sleep", "300");
            var inspect = await _d.DockerAsync("inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}", name);
            Assert.Equal("33554432 67108864\n", inspect.Stdout);
            var pid = await PidAsync(name);
            var unified = File.Exists("/sys/fs/cgroup/cgroup.controllers");
            var file = Path.Combine(CgroupDir(pid, "memory"), unified ? "memory.max" : "memory.limit_in_bytes");
            Assert.Equal("33554432", File.ReadAllText(file).Trim());

            var update = await _d.DockerAsync("update", "--memory", "64m", "--memory-swap", "128m", "--pids-limit", "40", name);
            Assert.True(update.ExitCode == 0, update.ToString() + _d.ReadLog());
            Assert.Equal(name + "\n", update.Stdout);
            Assert.Equal("67108864", File.ReadAllText(file).Trim());
            Assert.Equal("40", File.ReadAllText(Path.Combine(CgroupDir(pid, "pids"), "pids.max")).Trim());
            inspect = await _d.DockerAsync("inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.PidsLimit}}", name);
            Assert.Equal("67108864 134217728 40\n", inspect.Stdout);

            // Docker's rules still hold on update: nothing changes.
            var tooSmall = await _d.DockerAsync("update", "--memory", "2m", name);
            Assert.NotEqual(0, tooSmall.ExitCode);
            Assert.Contains("Minimum memory limit allowed is 6MB", tooSmall.Stderr);
            var aboveSwap = await _d.DockerAsync("update", "--memory", "512m", name);
            Assert.NotEqual(0, aboveSwap.ExitCode);
            Assert.Contains("Memory limit should be smaller than already set memoryswap limit", aboveSwap.Stderr);
            Assert.Equal("67108864", File.ReadAllText(file).Trim());
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task StatsNoStreamPrintsARowAndTopListsTheProcess()
    {
        var name = NewName("rs-stats");
        try
        {
            var id = await RunDetachedAsync(name, "--memory", "48m", "busybox", "sleep", "301");
            var stats = await _d.DockerAsync("stats", "--no-stream", name);
            Assert.True(stats.ExitCode == 0, stats.ToString() + _d.ReadLog());
            var lines = stats.Stdout.TrimEnd('\n').Split('\n');
            Assert.Equal(2, lines.Length);
            Assert.Matches(@"^CONTAINER ID\s+NAME\s+CPU %\s+MEM USAGE / LIMIT\s+MEM %\s+NET I/O\s+BLOCK I/O\s+PIDS$", lines[0]);
            Assert.Matches($@"^{id[..12]}\s+{name}\s+\d+\.\d\d%\s+\S+ / 48MiB\s+\d+\.\d\d%\s+0B / 0B\s+\S+ / \S+\s+1$", lines[1]);

            var formatted = await _d.DockerAsync("stats", "--no-stream", "--no-trunc", "--format", "{{.ID}} {{.PIDs}}", name);
            Assert.Equal($"{id} 1\n", formatted.Stdout);

            var top = await _d.DockerAsync("top", name);
            Assert.True(top.ExitCode == 0, top.ToString());
            Assert.Matches(@"^UID\s+PID\s+PPID\s+C\s+STIME\s+TTY\s+TIME\s+CMD", top.Stdout);
            Assert.Contains("sleep 301", top.Stdout);
            var pid = await PidAsync(name);
            var custom = await _d.DockerAsync("top", name, "-o", "pid,comm");
            Assert.Matches($@"PID\s+COMMAND\n{pid}\s+sleep\n", custom.Stdout);

            var wharfStats = await _d.WharfAsync("stats", "--no-stream", "--format", "{{.Name}} {{.PIDs}} {{.MemUsage}}", name);
            Assert.True(wharfStats.ExitCode == 0, wharfStats.ToString());
            Assert.Matches($@"^{name} 1 \S+ / 48MiB\n$", wharfStats.Stdout);
            var wharfTop = await _d.WharfAsync("top", name);
            Assert.Contains("sleep 301", wharfTop.Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task StatsAndTopOfAStoppedContainer()
    {
        var name = NewName("rs-stopped");
        try
        {
            Assert.Equal(0, (await _d.DockerAsync("create", "--network", "none", "--name", name, "busybox", "true")).ExitCode);
            var top = await _d.DockerAsync("top", name);
            Assert.NotEqual(0, top.ExitCode);
            Assert.Contains("is not running", top.Stderr);
            var stats = await _d.DockerAsync("stats", "--no-stream", "--format", "{{.Name}} {{.CPUPerc}} {{.PIDs}}", name);
            Assert.Equal($"{name} 0.00% 0\n", stats.Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task WharfUpdateChangesCpusOfALiveContainer()
    {
        var name = NewName("rs-cpu");
        try
        {
            await RunDetachedAsync(name, "--cpus", "0.5", "busybox", "sleep", "302");
            var pid = await PidAsync(name);
            var unified = File.Exists("/sys/fs/cgroup/cgroup.controllers");
            string Quota() => unified
                ? File.ReadAllText(Path.Combine(CgroupDir(pid, "cpu"), "cpu.max")).Split(' ')[0]
                : File.ReadAllText(Path.Combine(CgroupDir(pid, "cpu"), "cpu.cfs_quota_us")).Trim();
            Assert.Equal("50000", Quota());
            var update = await _d.WharfAsync("update", "--cpus", "1.5", name);
            Assert.True(update.ExitCode == 0, update.ToString() + _d.ReadLog());
            Assert.Equal("150000", Quota());
            var inspect = await _d.DockerAsync("inspect", "-f", "{{.HostConfig.NanoCpus}}", name);
            Assert.Equal("1500000000\n", inspect.Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task CapabilitiesFollowCapDropAndPrivileged()
    {
        var standard = await RunAsync("busybox", "grep", "CapEff", "/proc/self/status");
        Assert.True(standard.ExitCode == 0, standard.ToString() + _d.ReadLog());
        Assert.Equal("CapEff:\t00000000a80425fb\n", standard.Stdout);
        var none = await RunAsync("--cap-drop", "ALL", "busybox", "grep", "CapEff", "/proc/self/status");
        Assert.Equal("CapEff:\t0000000000000000\n", none.Stdout);
        var netAdmin = await RunAsync("--cap-drop", "all", "--cap-add", "CAP_NET_ADMIN", "busybox", "grep", "CapEff", "/proc/self/status");
        Assert.Equal("CapEff:\t0000000000001000\n", netAdmin.Stdout);

        var hostBounding = File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("CapBnd:", StringComparison.Ordinal))["CapBnd:".Length..].Trim();
        var privileged = await RunAsync("--privileged", "busybox", "sh", "-c", "grep -E '^(CapEff|Seccomp):' /proc/self/status; mount -o remount,rw /sys && echo sys-rw");
        Assert.True(privileged.ExitCode == 0, privileged.ToString() + _d.ReadLog());
        Assert.Equal($"CapEff:\t{hostBounding}\nSeccomp:\t0\nsys-rw\n", privileged.Stdout);
    }

    [Fact]
    public async Task DefaultSeccompProfileBlocksNamespaceCreation()
    {
        var confined = await RunAsync("busybox", "sh", "-c", "grep '^Seccomp:' /proc/self/status; unshare -U true");
        Assert.NotEqual(0, confined.ExitCode);
        Assert.Equal("Seccomp:\t2\n", confined.Stdout);
        Assert.Contains("Operation not permitted", confined.Stderr);

        var unconfined = await RunAsync("--security-opt", "seccomp=unconfined", "busybox", "grep", "^Seccomp:", "/proc/self/status");
        Assert.Equal("Seccomp:\t0\n", unconfined.Stdout);

        // A custom profile (Docker's format, read by the CLI) that refuses mkdir with EPERM.
        var profile = Path.Combine(_d.Root, "no-mkdir.json");
        await File.WriteAllTextAsync(profile, """
            {"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["mkdir","mkdirat"],"action":"SCMP_ACT_ERRNO","errnoRet":1}]}
            """);
        var custom = await RunAsync("--security-opt", "seccomp=" + profile, "busybox", "mkdir", "/tmp/x");
        Assert.NotEqual(0, custom.ExitCode);
        Assert.Contains("Operation not permitted", custom.Stderr);

        var nnp = await RunAsync("--security-opt", "no-new-privileges", "busybox", "grep", "NoNewPrivs", "/proc/self/status");
        Assert.Equal("NoNewPrivs:\t1\n", nnp.Stdout);
    }

    [Fact]
    public async Task ReadOnlyRootfsRefusesWrites()
    {
        var r = await RunAsync("--read-only", "busybox", "touch", "/x");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("Read-only file system", r.Stderr);
        var tmpfs = await RunAsync("--read-only", "--tmpfs", "/scratch", "busybox", "sh", "-c", "touch /scratch/x && echo ok");
        Assert.Equal("ok\n", tmpfs.Stdout);
    }

    [Fact]
    public async Task PidsLimitStopsForks()
    {
        var r = await RunAsync("--pids-limit", "4", "busybox", "sh", "-c", "for i in 1 2 3 4 5 6; do sleep 3 & done; wait");
        Assert.Contains("can't fork", r.Stderr);
    }

    [Fact]
    public async Task OomKilledContainerShowsOomKilledAnd137()
    {
        var name = NewName("rs-oom");
        try
        {
            var r = await _d.DockerAsync("run", "--network", "none", "--name", name, "--memory", "16m", "--memory-swap", "16m", "busybox",
                "sh", "-c", "x=$(head -c 64m /dev/zero | tr '\\0' a); echo survived");
            Assert.Equal(137, r.ExitCode);
            Assert.DoesNotContain("survived", r.Stdout);
            var state = await _d.DockerAsync("inspect", "-f", "{{.State.OOMKilled}} {{.State.ExitCode}}", name);
            Assert.Equal("true 137\n", state.Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task LimitsAndModesReachTheContainer()
    {
        var r = await RunAsync("--ulimit", "nofile=100:200", "--shm-size", "10m", "--sysctl", "kernel.shmmax=1000000", "--group-add", "4321",
            "busybox", "sh", "-c", "ulimit -n; ulimit -Hn; df -k /dev/shm | tail -1 | awk '{print $2}'; cat /proc/sys/kernel/shmmax; id -G");
        Assert.True(r.ExitCode == 0, r.ToString() + _d.ReadLog());
        Assert.StartsWith("100\n200\n10240\n1000000\n0 ", r.Stdout);
        Assert.EndsWith(" 4321\n", r.Stdout);

        var init = await RunAsync("--init", "busybox", "ps", "-o", "pid,args");
        Assert.Matches(@"\n\s*1 /sbin/docker-init -- ps", init.Stdout);

        var device = await RunAsync("--device", "/dev/null:/dev/mynull:rw", "busybox", "sh", "-c", "ls -l /dev/mynull && echo hi > /dev/mynull");
        Assert.True(device.ExitCode == 0, device.ToString());
        Assert.StartsWith("crw", device.Stdout);

        var hostPid = await RunAsync("--pid", "host", "busybox", "sh", "-c", "test -d /proc/1 && test -d /proc/" + Environment.ProcessId + " && echo host");
        Assert.Equal("host\n", hostPid.Stdout);

        var uts = await RunAsync("--uts", "host", "busybox", "hostname");
        Assert.Equal(Environment.MachineName + "\n", uts.Stdout);
    }

    [Fact]
    public async Task IpcAndPidOfAnotherContainer()
    {
        var donor = NewName("rs-ipc");
        try
        {
            await RunDetachedAsync(donor, "--ipc", "shareable", "busybox", "sleep", "303");
            var pid = await PidAsync(donor);
            var ipc = await RunAsync("--ipc", "container:" + donor, "busybox", "readlink", "/proc/self/ns/ipc");
            Assert.Equal(new FileInfo($"/proc/{pid}/ns/ipc").LinkTarget + "\n", ipc.Stdout);
            var ps = await RunAsync("--pid", "container:" + donor, "busybox", "ps", "-o", "args");
            Assert.Contains("sleep 303", ps.Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", donor);
        }
    }

    [Theory]
    [InlineData("--memory", "1m", "Minimum memory limit allowed is 6MB")]
    [InlineData("--memory-reservation", "1m", "Minimum memory reservation allowed is 6MB")]
    [InlineData("--cpus", "500", "Range of CPUs is from 0.01 to")]
    [InlineData("--cpu-period", "10", "CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)")]
    [InlineData("--cpuset-cpus", "0-999", "Requested CPUs are not available")]
    [InlineData("--ipc", "bogus", "invalid IPC mode: bogus")]
    [InlineData("--security-opt", "seccomp=/no/such/profile.json", "opening seccomp profile (/no/such/profile.json) failed")]
    [InlineData("--device", "/dev/no-such-device", "error gathering device information while adding custom device \"/dev/no-such-device\"")]
    public async Task BadSettingsAreRefusedAndCreateNothing(string flag, string value, string message)
    {
        var name = NewName("rs-bad");
        var r = await _d.DockerAsync("create", "--network", "none", "--name", name, flag, value, "busybox", "true");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        var ps = await _d.DockerAsync("ps", "-a", "--format", "{{.Names}}");
        Assert.DoesNotContain(name, ps.Stdout);
    }

    [Theory]
    [InlineData("\"Memory\":67108864,\"MemorySwap\":33554432", "Minimum memoryswap limit should be larger than memory limit, see usage")]
    [InlineData("\"SecurityOpt\":[\"bogus\"]", "invalid --security-opt 1")]
    [InlineData("\"Sysctls\":{\"kernel.panic\":\"1\"}", "kernel.panic")]
    [InlineData("\"BlkioWeight\":5000", "")]
    public async Task BadHostConfigIsA400(string hostConfig, string message)
    {
        var name = NewName("rs-api");
        var body = "{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"HostConfig\":{\"NetworkMode\":\"none\"," + hostConfig + "}}";
        var r = await ProcessRunner.RunAsync("curl", ["-s", "-o", "-", "-w", "\n%{http_code}", "--unix-socket", _d.SocketPath,
            "-H", "Content-Type: application/json", "-d", body, "http://localhost/v1.44/containers/create?name=" + name]);
        if (message.Length == 0)
        {
            // No blkio weight on this kernel: Docker discards it with a warning instead of checking the range.
            if (!File.Exists("/sys/fs/cgroup/blkio/blkio.weight") && !File.Exists("/sys/fs/cgroup/blkio/blkio.bfq.weight"))
            {
                Assert.EndsWith("\n201", r.Stdout);
                Assert.Contains("Block I/O weight", r.Stdout);
                await _d.DockerAsync("rm", "-f", name);
                return;
            }
            message = "Range of blkio weight is from 10 to 1000";
        }
        Assert.EndsWith("\n400", r.Stdout);
        Assert.Contains(message, r.Stdout);
        var ps = await _d.DockerAsync("ps", "-a", "--format", "{{.Names}}");
        Assert.DoesNotContain(name, ps.Stdout);
    }
}
