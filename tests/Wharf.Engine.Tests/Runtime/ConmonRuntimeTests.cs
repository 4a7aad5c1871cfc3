using System.Text;
using Wharf.Engine.Runtime;
using Wharf.Engine.Runtime.Conmon;

namespace Wharf.Engine.Tests.Runtime;

public sealed class ConmonRuntimeTests : IClassFixture<BusyboxBundleFixture>
{
    private readonly BusyboxBundle _box;

    public ConmonRuntimeTests(BusyboxBundleFixture fixture) => _box = fixture.Box;

    private static async Task<string> ReadAllAsync(AttachConnection attach, StdStream? only = null)
    {
        var sb = new StringBuilder();
        while (await attach.ReceiveAsync().ConfigureAwait(false) is { } packet)
        {
            if (only == null || packet.Stream == only)
                sb.Append(Encoding.UTF8.GetString(packet.Data.Span));
        }
        return sb.ToString();
    }

    [Fact]
    public async Task EchoHelloThroughAttachAndExitCodeFromExitFile()
    {
        var (id, bundle, log) = _box.Prepare(["sh", "-c", "echo hello; echo oops >&2; exit 3"]);
        try
        {
            var created = await _box.Runtime.CreateAsync(new RuntimeCreateRequest { Id = id, BundleDir = bundle, LogPath = log });
            Assert.True(created.Pid > 0);
            Assert.True(_box.Runtime.IsConmonAlive(created.ConmonPid, id));
            Assert.Equal("created", (await _box.Runtime.StateAsync(id))!.Status);
            await using var attach = await _box.Runtime.AttachAsync(bundle);
            var wait = _box.Runtime.WaitForExitAsync(id);
            await _box.Runtime.StartAsync(id);
            var outputs = new List<AttachPacket>();
            while (await attach.ReceiveAsync() is { } p)
                outputs.Add(p);
            Assert.Equal("hello\n", string.Concat(outputs.Where(p => p.Stream == StdStream.Stdout).Select(p => Encoding.UTF8.GetString(p.Data.Span))));
            Assert.Equal("oops\n", string.Concat(outputs.Where(p => p.Stream == StdStream.Stderr).Select(p => Encoding.UTF8.GetString(p.Data.Span))));
            var exit = await wait.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(3, exit.ExitCode);
            Assert.False(exit.OomKilled);
            Assert.Equal(3, _box.Runtime.ReadExit(id)!.ExitCode);
            Assert.Contains(" stdout F hello", File.ReadAllText(log));
            var stateDir = Path.Combine(_box.Options.RuntimeRoot, id);
            using var state = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(stateDir, "state.json")));
            var cgroups = state.RootElement.GetProperty("cgroup_paths").EnumerateObject().Select(p => p.Value.GetString()!).ToList();
            Assert.Contains(cgroups, c => c.EndsWith("/" + _box.Options.CgroupParent + "/" + id, StringComparison.Ordinal));
            Assert.All(cgroups, c => Assert.True(Directory.Exists(c), c));
            await _box.Runtime.DeleteAsync(id);
            Assert.All(cgroups, c => Assert.False(Directory.Exists(c), c));
            Assert.False(Directory.Exists(stateDir));
        }
        finally
        {
            await _box.Runtime.DeleteAsync(id, force: true);
            _box.Runtime.RemoveExitFiles(id);
        }
        Assert.Null(await _box.Runtime.StateAsync(id));
        Assert.Null(_box.Runtime.ReadExit(id));
    }

    [Theory]
    [InlineData(15, 143, true)]
    [InlineData(9, 137, false)]
    public async Task KilledSleepRecordsSignalExitCode(int signal, int expected, bool init)
    {
        // A PID 1 gets only the signals it handles, so SIGTERM needs --init (catatonit forwards it) as in Docker.
        var (id, bundle, log) = _box.Prepare(["sleep", "100"], tweak: r => r with { Init = init });
        try
        {
            await _box.Runtime.CreateAsync(new RuntimeCreateRequest { Id = id, BundleDir = bundle, LogPath = log });
            var exited = new TaskCompletionSource<ContainerExit>();
            void Handler(object? s, ContainerExitedEventArgs e)
            {
                if (e.Id == id)
                    exited.TrySetResult(e.Exit);
            }
            _box.Runtime.Exited += Handler;
            try
            {
                await _box.Runtime.StartAsync(id);
                Assert.Equal("running", (await _box.Runtime.StateAsync(id))!.Status);
                Assert.Null(_box.Runtime.ReadExit(id));
                await _box.Runtime.KillAsync(id, signal);
                var exit = await exited.Task.WaitAsync(TimeSpan.FromSeconds(10));
                Assert.Equal(expected, exit.ExitCode);
            }
            finally
            {
                _box.Runtime.Exited -= Handler;
            }
        }
        finally
        {
            await _box.Runtime.DeleteAsync(id, force: true);
            _box.Runtime.RemoveExitFiles(id);
        }
    }

    [Fact]
    public async Task TtyContainerGetsTerminalSizeAndCrLf()
    {
        var (id, bundle, log) = _box.Prepare(["sh", "-c", "until stty size 2>/dev/null | grep -qv '^0 0$'; do sleep 0.05; done; stty size; echo done"], tty: true);
        try
        {
            await _box.Runtime.CreateAsync(new RuntimeCreateRequest { Id = id, BundleDir = bundle, LogPath = log, Tty = true });
            await using var attach = await _box.Runtime.AttachAsync(bundle);
            Assert.True(_box.Runtime.Resize(bundle, 40, 132));
            await _box.Runtime.StartAsync(id);
            // conmon applies the size asynchronously; the container waits for it rather than racing it.
            var output = await ReadAllAsync(attach);
            Assert.Equal("40 132\r\ndone\r\n", output);
            Assert.Equal(0, (await _box.Runtime.WaitForExitAsync(id).WaitAsync(TimeSpan.FromSeconds(10))).ExitCode);
        }
        finally
        {
            await _box.Runtime.DeleteAsync(id, force: true);
            _box.Runtime.RemoveExitFiles(id);
        }
    }

    [Fact]
    public async Task StdinIsPipedThroughAttachAndClosedOnShutdown()
    {
        var (id, bundle, log) = _box.Prepare(["sh", "-c", "wc -c; echo end"], stdin: true);
        try
        {
            await _box.Runtime.CreateAsync(new RuntimeCreateRequest { Id = id, BundleDir = bundle, LogPath = log, OpenStdin = true, StdinOnce = true });
            await using var attach = await _box.Runtime.AttachAsync(bundle);
            await _box.Runtime.StartAsync(id);
            var reader = ReadAllAsync(attach, StdStream.Stdout);
            // Larger than one conmon packet: must be chunked or bytes are lost.
            await attach.SendStdinAsync(new byte[100_000]);
            attach.CloseStdin();
            var output = await reader.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal("100000\nend\n", output);
            Assert.Equal(0, (await _box.Runtime.WaitForExitAsync(id).WaitAsync(TimeSpan.FromSeconds(10))).ExitCode);
        }
        finally
        {
            await _box.Runtime.DeleteAsync(id, force: true);
            _box.Runtime.RemoveExitFiles(id);
        }
    }

    [Fact]
    public async Task MissingExecutableFailsCreateWithRuncMessage()
    {
        var (id, bundle, log) = _box.Prepare(["/bin/nope"]);
        try
        {
            var e = await Assert.ThrowsAsync<RuntimeException>(() => _box.Runtime.CreateAsync(new RuntimeCreateRequest { Id = id, BundleDir = bundle, LogPath = log }));
            Assert.True(e.IsNotFound, e.Message);
            Assert.Equal(Core.Errors.ErrorKind.InvalidArgument, e.Kind);
            Assert.Contains("/bin/nope", e.Message);
            Assert.StartsWith("OCI runtime create failed: ", e.Message);
            Assert.Null(await _box.Runtime.StateAsync(id));
        }
        finally
        {
            await _box.Runtime.DeleteAsync(id, force: true);
            _box.Runtime.RemoveExitFiles(id);
        }
    }

    [Fact]
    public async Task UnknownContainerStateIsNullAndDeleteIsNoop()
    {
        Assert.Null(await _box.Runtime.StateAsync("nope-" + Guid.NewGuid().ToString("N")));
        await _box.Runtime.DeleteAsync("nope-" + Guid.NewGuid().ToString("N"), force: true);
        Assert.False(_box.Runtime.IsConmonAlive(Environment.ProcessId, "x"));
    }

    private async Task<(int ExitCode, string Stdout, ContainerExit Exit, string Log)> RunAsync(IReadOnlyList<string> args, Func<Wharf.Engine.Runtime.Spec.ContainerSpecRequest, Wharf.Engine.Runtime.Spec.ContainerSpecRequest>? tweak = null)
    {
        var (id, bundle, log) = _box.Prepare(args, tweak: tweak);
        try
        {
            await _box.Runtime.CreateAsync(new RuntimeCreateRequest { Id = id, BundleDir = bundle, LogPath = log });
            await using var attach = await _box.Runtime.AttachAsync(bundle);
            await _box.Runtime.StartAsync(id);
            var output = await ReadAllAsync(attach, StdStream.Stdout).WaitAsync(TimeSpan.FromSeconds(30));
            var exit = await _box.Runtime.WaitForExitAsync(id).WaitAsync(TimeSpan.FromSeconds(30));
            return (exit.ExitCode, output, exit, log);
        }
        finally
        {
            await _box.Runtime.DeleteAsync(id, force: true);
            _box.Runtime.RemoveExitFiles(id);
        }
    }

    [Fact]
    public async Task UlimitAboveTheDaemonsHardLimitIsClampedAndTheContainerRuns()
    {
        var hard = Wharf.Engine.Runtime.Spec.Rlimits.HardLimit(7);
        var (code, stdout, _, _) = await RunAsync(["sh", "-c", "ulimit -Hn"], r => r with { Ulimits = [new Wharf.Engine.Runtime.Spec.Ulimit("nofile", 1 << 30, 1 << 30)] });
        Assert.Equal(0, code);
        Assert.Equal(hard == ulong.MaxValue ? "unlimited\n" : hard + "\n", stdout);
    }

    [Fact]
    public async Task UserEnvHostnameAndCwdReachTheProcess()
    {
        var (code, stdout, _, _) = await RunAsync(["sh", "-c", "id -u; id -g; id -G; hostname; echo $HOME $FOO; pwd"], r => r with
        {
            User = new ResolvedUser(65534, 65534, [7], "/home"),
            Env = ["FOO=bar"],
            Hostname = "box1",
            Cwd = "/tmp",
        });
        Assert.Equal(0, code);
        Assert.Equal("65534\n65534\n65534 7\nbox1\n/home bar\n/tmp\n", stdout);
    }

    [Fact]
    public async Task LogFileHoldsPartialLinesThatTheReaderReassembles()
    {
        var (code, _, _, log) = await RunAsync(["sh", "-c", "printf abc; echo def; printf tail"]);
        Assert.Equal(0, code);
        var lines = new List<string>();
        await foreach (var e in LogReader.ReadAsync(log, new LogReadOptions()))
            lines.Add(Encoding.UTF8.GetString(e.Bytes));
        Assert.Equal(["abcdef\n", "tail"], lines);
    }

    [Fact]
    public async Task OomKillIsRecorded()
    {
        var (code, _, exit, _) = await RunAsync(["sh", "-c", "x=$(yes 0123456789abcdef | head -c 200000000); echo survived"],
            r => r with { Memory = 16L << 20, MemorySwap = 16L << 20 });
        Assert.Equal(137, code);
        Assert.True(exit.OomKilled);
    }
}
