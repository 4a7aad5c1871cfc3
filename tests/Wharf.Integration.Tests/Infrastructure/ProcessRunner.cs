using System.Diagnostics;

namespace Wharf.Integration.Tests.Infrastructure;

/// <summary>Runs a command to completion with a hard timeout, so a hung client can never hang the suite.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> args,
        IDictionary<string, string>? env = null,
        byte[]? stdin = null,
        TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        if (env is not null)
        {
            foreach (var (k, v) in env)
            {
                psi.Environment[k] = v;
            }
        }
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {fileName}");
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin);
        }
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            var partialOut = await stdoutTask;
            var partialErr = await stderrTask;
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} timed out\nstdout: {partialOut}\nstderr: {partialErr}");
        }
        return new ProcessResult(process.ExitCode, await stdoutTask, await stderrTask);
    }

    public static Task<ProcessResult> ShAsync(string script, TimeSpan? timeout = null) =>
        RunAsync("/bin/sh", ["-c", script], timeout: timeout);
}
