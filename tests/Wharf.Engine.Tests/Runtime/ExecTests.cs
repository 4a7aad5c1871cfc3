using System.Text;
using Wharf.Engine.Runtime;
using Wharf.Engine.Runtime.Spec;

namespace Wharf.Engine.Tests.Runtime;

public sealed class ExecTests : IClassFixture<BusyboxBundleFixture>
{
    private readonly BusyboxBundle _box;

    public ExecTests(BusyboxBundleFixture fixture) => _box = fixture.Box;

    private async Task WithRunningContainer(Func<string, string, Task> body)
    {
        var (id, bundle, log) = _box.Prepare(["sleep", "100"], tweak: r => r with { Env = ["CTR=1"] });
        try
        {
            await _box.Runtime.CreateAsync(new RuntimeCreateRequest { Id = id, BundleDir = bundle, LogPath = log });
            await _box.Runtime.StartAsync(id);
            await body(id, bundle);
        }
        finally
        {
            await _box.Runtime.DeleteAsync(id, force: true);
            _box.Runtime.RemoveExitFiles(id);
        }
    }

    private static async Task<(string Out, string Err)> Drain(AttachConnection attach)
    {
        var o = new StringBuilder();
        var e = new StringBuilder();
        while (await attach.ReceiveAsync() is { } p)
            (p.Stream == StdStream.Stderr ? e : o).Append(Encoding.UTF8.GetString(p.Data.Span));
        return (o.ToString(), e.ToString());
    }

    [Fact]
    public async Task ExecRunsWithContainerEnvAndReportsExitCode()
    {
        await WithRunningContainer(async (id, bundle) =>
        {
            var process = OciSpecBuilder.ExecProcess(OciSpecBuilder.ReadConfig(bundle).Process!, ["sh", "-c", "echo out $CTR $X; echo err >&2; exit 5"], ["X=2"]);
            await using var session = await _box.Runtime.ExecAsync(new RuntimeExecRequest
            {
                ContainerId = id,
                ExecId = "e1",
                SessionDir = Path.Combine(bundle, "exec", "e1"),
                Process = process,
            });
            Assert.True(session.Pid > 0);
            var (o, e) = await Drain(session.Attach!).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal("out 1 2\n", o);
            Assert.Equal("err\n", e);
            Assert.Equal(5, await session.Exited.WaitAsync(TimeSpan.FromSeconds(10)));
            // The container itself is untouched.
            Assert.Equal("running", (await _box.Runtime.StateAsync(id))!.Status);
            Assert.Null(_box.Runtime.ReadExit(id));
        });
    }

    [Fact]
    public async Task ExecStdinAndTty()
    {
        await WithRunningContainer(async (id, bundle) =>
        {
            var config = OciSpecBuilder.ReadConfig(bundle).Process!;
            await using (var session = await _box.Runtime.ExecAsync(new RuntimeExecRequest
            {
                ContainerId = id,
                ExecId = "in",
                SessionDir = Path.Combine(bundle, "exec", "in"),
                Process = OciSpecBuilder.ExecProcess(config, ["cat"]),
                OpenStdin = true,
            }))
            {
                var reader = Drain(session.Attach!);
                await session.Attach!.SendStdinAsync("piped\n"u8.ToArray());
                session.Attach.CloseStdin();
                Assert.Equal("piped\n", (await reader.WaitAsync(TimeSpan.FromSeconds(10))).Out);
                Assert.Equal(0, await session.Exited.WaitAsync(TimeSpan.FromSeconds(10)));
            }

            await using (var tty = await _box.Runtime.ExecAsync(new RuntimeExecRequest
            {
                ContainerId = id,
                ExecId = "tty",
                SessionDir = Path.Combine(bundle, "exec", "tty"),
                Process = OciSpecBuilder.ExecProcess(config, ["sh", "-c", "sleep 1; stty size; exit 9"], tty: true),
            }))
            {
                // conmon arms the exec's resize only once runc handed it the pty, which can trail the PID report.
                Assert.True(tty.Resize(30, 90));
                await Task.Delay(300);
                Assert.True(tty.Resize(30, 90));
                Assert.Equal("30 90\r\n", (await Drain(tty.Attach!).WaitAsync(TimeSpan.FromSeconds(10))).Out);
                Assert.Equal(9, await tty.Exited.WaitAsync(TimeSpan.FromSeconds(10)));
            }
        });
    }

    [Fact]
    public async Task ExecOfMissingBinaryFailsWithRuncMessage()
    {
        await WithRunningContainer(async (id, bundle) =>
        {
            var process = OciSpecBuilder.ExecProcess(OciSpecBuilder.ReadConfig(bundle).Process!, ["/bin/nope"]);
            var e = await Assert.ThrowsAsync<RuntimeException>(() => _box.Runtime.ExecAsync(new RuntimeExecRequest
            {
                ContainerId = id,
                ExecId = "bad",
                SessionDir = Path.Combine(bundle, "exec", "bad"),
                Process = process,
            }));
            Assert.True(e.IsNotFound, e.Message);
            Assert.StartsWith("OCI runtime exec failed: ", e.Message);
        });
    }

    [Fact]
    public async Task DetachedExecRuns()
    {
        await WithRunningContainer(async (id, bundle) =>
        {
            var process = OciSpecBuilder.ExecProcess(OciSpecBuilder.ReadConfig(bundle).Process!, ["sh", "-c", "exit 4"]);
            await using var session = await _box.Runtime.ExecAsync(new RuntimeExecRequest
            {
                ContainerId = id,
                ExecId = "d",
                SessionDir = Path.Combine(bundle, "exec", "d"),
                Process = process,
                Attach = false,
            });
            Assert.Null(session.Attach);
            Assert.Equal(4, await session.Exited.WaitAsync(TimeSpan.FromSeconds(10)));
        });
    }
}
