using Wharf.Daemon.Tests.Infrastructure;

namespace Wharf.Daemon.Tests.Configuration;

public sealed class CommandLineProcessTests
{
    [Fact]
    public async Task UnknownFlag_PrintsErrorAndExits125()
    {
        var (code, _, stderr) = await DaemonProcess.RunToExitAsync("--bogus");
        Assert.Equal(125, code);
        Assert.Contains("unknown flag: --bogus", stderr);
        Assert.Contains("wharfd --help", stderr);
    }

    [Fact]
    public async Task Version_PrintsAndExits0()
    {
        var (code, stdout, _) = await DaemonProcess.RunToExitAsync("--version");
        Assert.Equal(0, code);
        Assert.StartsWith("Wharf version ", stdout);
    }

    [Fact]
    public async Task Help_PrintsUsage()
    {
        var (code, stdout, _) = await DaemonProcess.RunToExitAsync("--help");
        Assert.Equal(0, code);
        Assert.Contains("--data-root", stdout);
    }

    [Fact]
    public async Task StaleSocketFile_IsRemovedBeforeBinding()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("run"));
        // A socket file nobody listens on, as a crashed daemon leaves behind.
        // (.NET unlinks the files of sockets it bound, so python leaves this one behind.)
        using (var py = System.Diagnostics.Process.Start("python3", ["-c", $"import socket; socket.socket(socket.AF_UNIX).bind('{dir.Combine("run/wharf.sock")}')"]))
        {
            await py.WaitForExitAsync();
        }
        Assert.True(File.Exists(dir.Combine("run/wharf.sock")));
        await using var daemon = await StartOnAsync(dir);
        var ping = await RawHttp.SendAsync(dir.Combine("run/wharf.sock"), "GET", "/_ping");
        Assert.Equal(200, ping.Status);
    }

    private static async Task<DaemonProcess> StartOnAsync(TempDir dir)
    {
        // DaemonProcess makes its own dir; here the socket path must be ours, so start by hand.
        var psi = DaemonProcess.StartInfo([
            "--host", "unix://" + dir.Combine("run/wharf.sock"), "--data-root", dir.Combine("data"),
            "--exec-root", dir.Combine("run"), "--storage-driver", "vfs"]);
        var process = System.Diagnostics.Process.Start(psi)!;
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    if ((await RawHttp.SendAsync(dir.Combine("run/wharf.sock"), "GET", "/_ping")).Status == 200)
                    {
                        break;
                    }
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
                {
                }
                await Task.Delay(100);
            }
            Assert.False(process.HasExited, "wharfd exited early");
        }
        catch
        {
            process.Kill();
            throw;
        }
        return DaemonProcess.Adopt(process, dir);
    }
}
