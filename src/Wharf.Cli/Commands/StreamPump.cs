using Wharf.Api.Streams;
using Wharf.Api.Client;

namespace Wharf.Cli.Commands;

/// <summary>Moves bytes between a hijacked connection and the local terminal/pipes.</summary>
internal static class StreamPump
{
    /// <summary>Copies container output to stdout/stderr: raw for a TTY, demultiplexed otherwise.</summary>
    public static async Task CopyOutputAsync(Stream source, bool tty, CliContext context)
    {
        await context.Out.FlushAsync().ConfigureAwait(false);
        if (tty)
        {
            var buffer = new byte[32 * 1024];
            int n;
            while ((n = await source.ReadAsync(buffer, context.Cancellation).ConfigureAwait(false)) > 0)
            {
                await context.StdoutStream.WriteAsync(buffer.AsMemory(0, n), context.Cancellation).ConfigureAwait(false);
                await context.StdoutStream.FlushAsync(context.Cancellation).ConfigureAwait(false);
            }
            return;
        }
        await MultiplexedStream.CopyAsync(source, context.StdoutStream, context.StderrStream, context.Cancellation).ConfigureAwait(false);
    }

    /// <summary>Copies local stdin to the container on a background thread, half-closing at EOF.</summary>
    public static Task CopyInputAsync(HijackedConnection connection, CliContext context) => Task.Run(async () =>
    {
        var buffer = new byte[32 * 1024];
        try
        {
            int n;
            while ((n = await context.StdinStream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                await connection.WriteAsync(buffer.AsMemory(0, n)).ConfigureAwait(false);
            }
        }
        catch (IOException)
        {
            // The container side went away; nothing more to send.
        }
        catch (ObjectDisposedException)
        {
            // The connection was closed after the container exited.
        }
        await connection.CloseWriteAsync().ConfigureAwait(false);
    });
}
