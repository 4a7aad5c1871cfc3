using Wharf.Api.Client;
using Wharf.Cli.Commands;
using Wharf.Core.Streams;

namespace Wharf.Cli.Terminal;

/// <summary>
/// Streams a hijacked attach/exec connection to the local terminal the way docker's hijacked IO streamer does: raw mode
/// for a tty with stdin, window size sent at start and on every SIGWINCH, the detach keys watched for on a tty (they end
/// the session and leave the process running), stdin EOF half-closes, and the terminal is restored on every exit path.
/// </summary>
internal static class HijackedSession
{
    /// <summary>Runs the session; true when the user detached, false when the output ended.</summary>
    public static async Task<bool> RunAsync(HijackedConnection connection, CliContext context, bool tty, bool stdin, string? detachKeys,
        Func<int, int, Task>? resize)
    {
        RawTerminal? raw = null;
        WindowSizeMonitor? monitor = null;
        try
        {
            if (tty && stdin && context.StdinIsTerminal)
            {
                raw = RawTerminal.Enter(0);
            }
            var output = StreamPump.CopyOutputAsync(connection.Output, tty, context);
            if (tty && resize is not null && context.StdoutIsTerminal)
            {
                monitor = await WindowSizeMonitor.StartAsync(1, resize).ConfigureAwait(false);
            }
            if (!stdin)
            {
                await connection.CloseWriteAsync().ConfigureAwait(false);
                await output.ConfigureAwait(false);
                return false;
            }
            var input = CopyInputAsync(connection, context, tty ? Keys(detachKeys, context) : null);
            var first = await Task.WhenAny(output, input).ConfigureAwait(false);
            if (first == input && input.Result)
            {
                return true;
            }
            await output.ConfigureAwait(false);
            return false;
        }
        finally
        {
            monitor?.Dispose();
            raw?.Dispose();
        }
    }

    private static byte[] Keys(string? text, CliContext context)
    {
        if (!DetachKeys.TryParse(text, out var keys))
        {
            context.Err.WriteLine($"invalid detach escape keys, using default: Unknown character: '{text}'");
        }
        return keys;
    }

    /// <summary>Copies stdin on a background thread; true when the detach keys were typed.</summary>
    private static Task<bool> CopyInputAsync(HijackedConnection connection, CliContext context, byte[]? detachKeys) => Task.Run(async () =>
    {
        var source = context.StdinIsTerminal ? TerminalInput.Open(0) : context.StdinStream;
        var matcher = detachKeys is null ? null : new DetachKeyMatcher(detachKeys);
        var buffer = new byte[32 * 1024];
        var forward = new List<byte>();
        try
        {
            int n;
            while ((n = await source.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                if (matcher is null)
                {
                    await connection.WriteAsync(buffer.AsMemory(0, n)).ConfigureAwait(false);
                    continue;
                }
                forward.Clear();
                var detached = matcher.Feed(buffer.AsSpan(0, n), forward);
                if (forward.Count > 0)
                {
                    await connection.WriteAsync(forward.ToArray()).ConfigureAwait(false);
                }
                if (detached)
                {
                    return true;
                }
            }
            if (matcher is { Pending: > 0 })
            {
                forward.Clear();
                matcher.Flush(forward);
                await connection.WriteAsync(forward.ToArray()).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            // The daemon side went away; the output side reports the end.
        }
        await connection.CloseWriteAsync().ConfigureAwait(false);
        return false;
    });
}
