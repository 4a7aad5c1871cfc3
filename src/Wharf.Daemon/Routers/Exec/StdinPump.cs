using Wharf.Core.Streams;
using Wharf.Engine.Runtime;

namespace Wharf.Daemon.Routers.Exec;

/// <summary>
/// Copies a hijacked client's stdin into conmon's attach socket. With a tty, Docker's detach keys are watched for (as the
/// daemon's escape proxy does): the sequence ends the copy with <see cref="StdinResult.Detached"/> and is never forwarded.
/// </summary>
public static class StdinPump
{
    /// <summary>Copies until EOF, detach or cancellation; at EOF closes the process's stdin when <paramref name="closeStdinAtEof"/>.</summary>
    public static async Task<StdinResult> CopyAsync(Stream client, AttachConnection attach, byte[]? detachKeys, bool closeStdinAtEof, CancellationToken ct)
    {
        var buffer = new byte[32 * 1024];
        var matcher = detachKeys is { Length: > 0 } ? new DetachKeyMatcher(detachKeys) : null;
        var forward = new List<byte>(buffer.Length);
        try
        {
            while (true)
            {
                var n = await client.ReadAsync(buffer, ct);
                if (n == 0)
                {
                    break;
                }
                if (matcher is null)
                {
                    await attach.SendStdinAsync(buffer.AsMemory(0, n), ct);
                    continue;
                }
                forward.Clear();
                var detached = matcher.Feed(buffer.AsSpan(0, n), forward);
                if (forward.Count > 0)
                {
                    await attach.SendStdinAsync(forward.ToArray(), ct);
                }
                if (detached)
                {
                    return StdinResult.Detached;
                }
            }
            if (matcher is { Pending: > 0 })
            {
                forward.Clear();
                matcher.Flush(forward);
                await attach.SendStdinAsync(forward.ToArray(), ct);
            }
        }
        catch (Exception e) when (e is IOException or global::System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // The client went away: the process keeps running, as with a detach.
            return StdinResult.Disconnected;
        }
        if (closeStdinAtEof)
        {
            attach.CloseStdin();
        }
        return StdinResult.EndOfInput;
    }
}
