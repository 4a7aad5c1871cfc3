using System.Net.Sockets;
using System.Text;
using Wharf.Integration.Tests.Infrastructure;

namespace Wharf.Integration.Tests;

/// <summary>
/// Interactive use through the real docker CLI and wharf under a pseudo-terminal (<c>script</c>): <c>run -it</c> with an
/// <c>exit</c> typed, stdin piping, attach, the detach keys (client- and daemon-side) leaving the container running, start -a.
/// </summary>
[Collection(DaemonCollection.Name)]
public sealed class InteractiveTests(DaemonFixture fixture)
{
    private readonly WharfDaemon _d = fixture.Daemon;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    private string Wharf => $"{BuildOutput.Wharf} -H {_d.Host}";

    /// <summary>Runs <paramref name="command"/> under script, typing <paramref name="keys"/> (printf format) after the shell is up.</summary>
    private Task<ProcessResult> TypeIntoAsync(string command, params string[] keys)
    {
        var typing = string.Join("; ", keys.Select(k => $"sleep 2; printf '{k}'"));
        return ProcessRunner.RunAsync("/bin/sh", ["-c", $"({typing}; sleep 3) | script -qec \"{command}\" /dev/null"], _d.DockerEnvironment,
            timeout: TimeSpan.FromSeconds(60));
    }

    private async Task<string> StatusAsync(string name) => (await _d.DockerAsync("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", name)).Stdout.Trim();

    [Fact]
    public async Task RunItShellExitStopsTheContainerAndReturnsItsCode()
    {
        var docker = Unique("it-docker");
        var wharf = Unique("it-wharf");
        try
        {
            var r = await TypeIntoAsync($"docker run -it --network none --name {docker} busybox sh", "echo typed-$((20+22))\\r", "exit 5\\r");
            Assert.True(r.ExitCode == 5, r + _d.ReadLog());
            Assert.Contains("typed-42", r.Stdout);
            Assert.Equal("exited 5", await StatusAsync(docker));

            var w = await TypeIntoAsync($"{Wharf} run -it --network none --name {wharf} busybox sh", "echo typed-$((30+3))\\r", "exit 7\\r");
            Assert.True(w.ExitCode == 7, w.ToString());
            Assert.Contains("typed-33", w.Stdout);
            Assert.Equal("exited 7", await StatusAsync(wharf));
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", docker, wharf);
        }
    }

    [Fact]
    public async Task StdinIsPipedIntoRunDashI()
    {
        var w = await _d.WharfAsync(["run", "--rm", "-i", "--network", "none", "busybox", "cat"], "x\n"u8.ToArray());
        Assert.True(w.ExitCode == 0, w.ToString());
        Assert.Equal("x\n", w.Stdout);

        var d = await _d.DockerAsync(["run", "--rm", "-i", "--network", "none", "busybox", "sh", "-c", "cat; exit 2"], "y\nz\n"u8.ToArray());
        Assert.Equal(2, d.ExitCode);
        Assert.Equal("y\nz\n", d.Stdout);
    }

    [Fact]
    public async Task DetachKeysLeaveTheContainerRunningAndAttachComesBack()
    {
        var docker = Unique("dt-docker");
        var wharf = Unique("dt-wharf");
        try
        {
            var run = await TypeIntoAsync($"docker run -it --network none --name {docker} busybox sh", "\\020\\021");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.StartsWith("running", await StatusAsync(docker));

            var attach = await TypeIntoAsync($"docker attach {docker}", "echo back-$((40+1))\\r", "\\020\\021");
            Assert.True(attach.ExitCode == 1, attach.ToString());
            Assert.Contains("back-41", attach.Stdout);
            Assert.Contains("read escape sequence", attach.Stdout);
            Assert.StartsWith("running", await StatusAsync(docker));

            var custom = await TypeIntoAsync($"{Wharf} run -it --detach-keys ctrl-a,x --network none --name {wharf} busybox sh", "\\001x");
            Assert.True(custom.ExitCode == 0, custom.ToString());
            Assert.StartsWith("running", await StatusAsync(wharf));

            var wharfAttach = await TypeIntoAsync($"{Wharf} attach {wharf}", "echo wharf-$((50+5))\\r", "\\020\\021");
            Assert.True(wharfAttach.ExitCode == 1, wharfAttach.ToString());
            Assert.Contains("wharf-55", wharfAttach.Stdout);
            Assert.Contains("read escape sequence", wharfAttach.Stdout);
            Assert.StartsWith("running", await StatusAsync(wharf));

            var execDetach = await TypeIntoAsync($"docker exec -it {wharf} sh", "echo exec-$((70+7))\\r", "\\020\\021");
            Assert.True(execDetach.ExitCode == 1, execDetach.ToString());
            Assert.Contains("exec-77", execDetach.Stdout);
            Assert.Contains("read escape sequence", execDetach.Stdout);

            var exit = await TypeIntoAsync($"{Wharf} attach {wharf}", "exit 3\\r");
            Assert.True(exit.ExitCode == 3, exit.ToString());
            Assert.Equal("exited 3", await StatusAsync(wharf));
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", docker, wharf);
        }
    }

    [Fact]
    public async Task DaemonDetachesARawClientOnItsDetachKeys()
    {
        var name = Unique("dt-raw");
        var run = await _d.DockerAsync("run", "-dit", "--network", "none", "--name", name, "busybox", "sh");
        Assert.True(run.ExitCode == 0, run.ToString());
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(_d.SocketPath));
            var head = $"POST /v1.44/containers/{name}/attach?stream=1&stdin=1&stdout=1&stderr=1&detachKeys=ctrl-x,x HTTP/1.1\r\n" +
                       "Host: api.moby.localhost\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 0\r\n\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(head));
            var received = new StringBuilder();
            await ReadUntilAsync(socket, received, s => s.Contains("\r\n\r\n", StringComparison.Ordinal));
            Assert.StartsWith("HTTP/1.1 101", received.ToString());

            await socket.SendAsync(Encoding.ASCII.GetBytes("echo raw-$((60+6))\n"));
            await ReadUntilAsync(socket, received, s => s.Contains("raw-66", StringComparison.Ordinal));
            // ctrl-x then x: the daemon ends the stream, the shell never sees the keys and keeps running.
            await socket.SendAsync(new byte[] { 0x18, (byte)'x' });
            var closed = await ReadUntilAsync(socket, received, _ => false);
            Assert.True(closed, received.ToString());
            Assert.StartsWith("running", await StatusAsync(name));

            var bad = await ProcessRunner.RunAsync("curl", ["-s", "--unix-socket", _d.SocketPath, "-X", "POST", "-w", " %{http_code}",
                $"http://localhost/v1.44/containers/{name}/attach?stream=1&stdin=1&detachKeys=ctrl-bogus"]);
            Assert.EndsWith(" 400", bad.Stdout);
            Assert.Contains("Invalid escape keys (ctrl-bogus) provided", bad.Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task StartAttachedStreamsAndReturnsTheExitCode()
    {
        var docker = Unique("sa-docker");
        var wharf = Unique("sa-wharf");
        try
        {
            Assert.Equal(0, (await _d.DockerAsync("create", "--network", "none", "--name", docker, "busybox", "sh", "-c", "echo started-docker; exit 4")).ExitCode);
            var d = await _d.DockerAsync("start", "-a", docker);
            Assert.Equal(4, d.ExitCode);
            Assert.Equal("started-docker\n", d.Stdout);

            Assert.Equal(0, (await _d.DockerAsync("create", "-i", "--network", "none", "--name", wharf, "busybox", "sh", "-c", "read line; echo got-$line; exit 6")).ExitCode);
            var w = await _d.WharfAsync(["start", "-a", "-i", wharf], "hello\n"u8.ToArray());
            Assert.Equal(6, w.ExitCode);
            Assert.Equal("got-hello\n", w.Stdout);

            var stopped = await _d.WharfAsync("attach", wharf);
            Assert.Equal(1, stopped.ExitCode);
            Assert.Contains("cannot attach to a stopped container, start it first", stopped.Stderr);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", docker, wharf);
        }
    }

    [Fact]
    public async Task WindowChangesReachTheExecsTerminal()
    {
        var name = Unique("winch");
        Assert.Equal(0, (await _d.DockerAsync("run", "-d", "--network", "none", "--name", name, "busybox", "sleep", "600")).ExitCode);
        try
        {
            var exec = $"{BuildOutput.Wharf} -H {_d.Host} exec -it {name}";
            // Resizing the pty the CLI runs on makes the kernel send it SIGWINCH; the new size must reach the exec's pty.
            var script = $"(sleep 10) | script -qec \"stty rows 40 cols 100; {exec} sh -c 'stty size; sleep 5; stty size'\" /dev/null & " +
                         $"for i in $(seq 50); do p=$(pgrep -f '^{exec}' | head -1); [ -n \"$p\" ] && break; sleep 0.1; done; sleep 2; " +
                         "stty -F $(readlink /proc/$p/fd/0) rows 20 cols 50; wait";
            var r = await ProcessRunner.ShAsync(script, TimeSpan.FromSeconds(60));
            Assert.Contains("40 100", r.Stdout);
            Assert.Contains("20 50", r.Stdout);
        }
        finally
        {
            await _d.DockerAsync("rm", "-f", name);
        }
    }

    /// <summary>Reads into <paramref name="into"/> until <paramref name="done"/> holds (false) or the peer closes (true); 20 s at most.</summary>
    private static async Task<bool> ReadUntilAsync(Socket socket, StringBuilder into, Func<string, bool> done)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!done(into.ToString()))
        {
            int n;
            try
            {
                n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("no more data within 20 s; got: " + into);
            }
            if (n == 0)
            {
                return true;
            }
            into.Append(Encoding.Latin1.GetString(buffer, 0, n));
        }
        return false;
    }
}
