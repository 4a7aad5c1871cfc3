using Wharf.Api.Streams;
using Wharf.Core.Errors;
using Wharf.Core.Streams;
using Wharf.Daemon.Http;
using Wharf.Engine.Containers;
using Wharf.Engine.Runtime;

namespace Wharf.Daemon.Routers.Exec;

/// <summary>
/// The container attach stream's stdin and output loops with Docker's detach semantics: with a tty the detach keys (or the
/// client's stdin ending) end the attach and leave the container running; without a tty stdin EOF closes the container's
/// stdin when it was created with StdinOnce. A client that went away ends the attach without touching the container.
/// </summary>
public static class AttachDetach
{
    /// <summary>Parses the <c>detachKeys</c> query parameter (400 with Docker's text when invalid); default ctrl-p,ctrl-q.</summary>
    public static byte[] ParseKeys(string? text)
    {
        try
        {
            return DetachKeys.Parse(text);
        }
        catch (FormatException)
        {
            throw new InvalidArgumentException($"Invalid escape keys ({text}) provided");
        }
    }

    /// <summary>Copies the client's stdin to the container; cancels <paramref name="done"/> when the attach must end.</summary>
    public static async Task PumpStdinAsync(ContainerService containers, string containerId, Stream client, AttachConnection attach, bool tty,
        bool stdinOnce, byte[] detachKeys, CancellationTokenSource done)
    {
        StdinResult result;
        try
        {
            result = await StdinPump.CopyAsync(client, attach, tty ? detachKeys : null, closeStdinAtEof: stdinOnce && !tty, done.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (result == StdinResult.Detached)
        {
            containers.ReportDetach(containerId);
        }
        if (tty || result != StdinResult.EndOfInput)
        {
            try
            {
                done.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>Forwards the wanted output streams until the container's output ends, the client goes away or the attach is cancelled.</summary>
    public static async Task PumpOutputAsync(HijackedStream client, AttachConnection attach, bool stdout, bool stderr, CancellationToken ct)
    {
        try
        {
            while (await attach.ReceiveAsync(ct) is { } packet)
            {
                if ((packet.Stream == StdStream.Stdout && stdout) || (packet.Stream == StdStream.Stderr && stderr))
                {
                    await client.WriteAsync(packet.Stream == StdStream.Stderr ? StdioStreamType.Stderr : StdioStreamType.Stdout, packet.Data, ct);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or Microsoft.AspNetCore.Connections.ConnectionResetException)
        {
            // Detached or disconnected: the container keeps running.
        }
    }
}
