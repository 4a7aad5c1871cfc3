using System.Diagnostics;
using System.Text.Json;
using Wharf.Daemon.Tests.Infrastructure;

namespace Wharf.Daemon.Tests.Volumes;

/// <summary>Volumes and their data survive a daemon that is killed and started again on the same data root.</summary>
public sealed class VolumeRestartTests
{
    [Fact]
    public async Task Volume_SurvivesADaemonCrash()
    {
        var first = await DaemonProcess.StartAsync();
        DaemonProcess? second = null;
        try
        {
            var create = await RawHttp.SendAsync(first.SocketPath, "POST", "/volumes/create", """{"Name":"durable","Labels":{"k":"v"}}""");
            Assert.Equal(201, create.Status);
            var mountpoint = JsonDocument.Parse(create.Body).RootElement.GetProperty("Mountpoint").GetString()!;
            await File.WriteAllTextAsync(Path.Combine(mountpoint, "data.txt"), "kept");

            LibC.Kill(first.Pid, 9);
            await WaitForExitAsync(first);
            File.Delete(first.SocketPath);

            second = DaemonProcess.Adopt(Process.Start(DaemonProcess.StartInfo(
            [
                "--host", "unix://" + first.SocketPath,
                "--data-root", first.DataRoot,
                "--exec-root", first.ExecRoot,
                "--storage-driver", "vfs",
                "--cgroup-parent", "wharfd-test-" + Path.GetFileName(first.Root.Path),
            ]))!, first.Root);
            await WaitForPingAsync(second);

            var inspect = await RawHttp.SendAsync(second.SocketPath, "GET", "/volumes/durable");
            Assert.True(inspect.Status == 200, inspect.Text + second.Output);
            var volume = JsonDocument.Parse(inspect.Body).RootElement;
            Assert.Equal("v", volume.GetProperty("Labels").GetProperty("k").GetString());
            Assert.Equal(mountpoint, volume.GetProperty("Mountpoint").GetString());
            Assert.Equal("kept", await File.ReadAllTextAsync(Path.Combine(mountpoint, "data.txt")));
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }
            else
            {
                await first.DisposeAsync();
            }
        }
    }

    private static async Task WaitForExitAsync(DaemonProcess daemon)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!daemon.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.True(daemon.HasExited, "wharfd did not die on SIGKILL");
    }

    private static async Task WaitForPingAsync(DaemonProcess daemon)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !daemon.HasExited)
        {
            try
            {
                if ((await RawHttp.SendAsync(daemon.SocketPath, "GET", "/_ping")).Status == 200)
                {
                    return;
                }
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
            {
            }
            await Task.Delay(100);
        }
        Assert.Fail("restarted wharfd did not answer /_ping:\n" + daemon.Output);
    }
}
