using Wharf.Engine.Runtime.Native;

namespace Wharf.Engine.Tests.Runtime.Native;

public sealed class HostProgramTests
{
    [Fact]
    public async Task CapturesStdoutStderrAndExitCodeAndFeedsStdin()
    {
        var result = await HostProgram.RunAsync("/bin/sh", ["-c", "read line; echo \"got $line\"; echo oops >&2; exit 3"], "hello\n");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("got hello\n", result.Stdout);
        Assert.Equal("oops\n", result.Stderr);
    }

    [Fact]
    public async Task WithoutStdinTheProgramReadsNothingFromUs()
    {
        var result = await HostProgram.RunAsync("/bin/sh", ["-c", "printf '%s|' \"$@\"", "sh", "a b", "c"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("a b|c|", result.Stdout);
    }

    [Fact]
    public async Task CancellingKillsTheProgram()
    {
        var marker = Path.Combine(Path.GetTempPath(), "hostprogram-" + Guid.NewGuid().ToString("N"));
        using var cts = new CancellationTokenSource();
        var run = HostProgram.RunAsync("/bin/sh", ["-c", "echo $$ > " + marker + "; exec sleep 600"], ct: cts.Token);
        try
        {
            while (!File.Exists(marker) || (await File.ReadAllTextAsync(marker)).Trim().Length == 0)
            {
                await Task.Delay(20);
            }
            var pid = int.Parse((await File.ReadAllTextAsync(marker)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            await cts.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            // SIGKILL lands asynchronously; the sleep would outlive this wait by far if it had not been sent.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (IsRunning(pid) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
            Assert.False(IsRunning(pid));
        }
        finally
        {
            File.Delete(marker);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
