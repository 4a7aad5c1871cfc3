using System.Diagnostics;

namespace Wharf.Engine.Networks.Linux;

/// <summary>Runs one helper program (ip, nft, unshare) with optional stdin and fails with its stderr.</summary>
internal static class ProcessRunner
{
    public static async Task<string> RunAsync(string program, IReadOnlyList<string> args, string? stdin, CancellationToken ct)
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
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin.AsMemory(), ct);
                process.StandardInput.Close();
            }
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            // A half-run batch is not left running behind a cancelled request.
            process.Kill(entireProcessTree: true);
            throw;
        }
        var error = (await stderr).Trim();
        if (process.ExitCode != 0)
        {
            throw new NetworkHostException($"{program} {string.Join(' ', args)} failed (exit {process.ExitCode}): {error}");
        }
        return await stdout;
    }
}
