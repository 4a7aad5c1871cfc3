using Wharf.Engine.Runtime.Native;

namespace Wharf.Engine.Networks.Linux;

/// <summary>Runs one helper program (ip, nft, unshare) with optional stdin and fails with its stderr.</summary>
internal static class ProcessRunner
{
    public static async Task<string> RunAsync(string program, IReadOnlyList<string> args, string? stdin, CancellationToken ct)
    {
        var result = await HostProgram.RunAsync(program, args, stdin, ct).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new NetworkHostException($"{program} {string.Join(' ', args)} failed (exit {result.ExitCode}): {result.Stderr.Trim()}");
        }
        return result.Stdout;
    }
}
