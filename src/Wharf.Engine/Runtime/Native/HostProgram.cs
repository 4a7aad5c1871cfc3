using System.Diagnostics;

namespace Wharf.Engine.Runtime.Native;

/// <summary>
/// Runs a program of the host (ip, nft, ps, runc) to completion with optional stdin, capturing stdout, stderr and the exit
/// code. Cancelling kills it, so a half-run helper is not left behind a cancelled request. (Processes that must inherit
/// fixed file descriptors and outlive the call, such as conmon, go through <see cref="Spawner"/>.)
/// </summary>
internal static class HostProgram
{
    /// <summary>Runs <paramref name="program"/> (a path, or a name looked up in PATH) with <paramref name="args"/>.</summary>
    public static async Task<HostProgramResult> RunAsync(string program, IEnumerable<string> args, string? stdin = null, CancellationToken ct = default)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        // Both pipes drain from the start: a program that fills one while we wait on the other would never exit.
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin.AsMemory(), ct).ConfigureAwait(false);
                process.StandardInput.Close();
            }
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new HostProgramResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }
}
