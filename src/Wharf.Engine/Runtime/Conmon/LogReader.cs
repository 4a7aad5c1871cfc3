using System.Runtime.CompilerServices;

namespace Wharf.Engine.Runtime.Conmon;

/// <summary>Reads conmon's k8s-file logs (<c>&lt;ts&gt; &lt;stream&gt; &lt;P|F&gt; &lt;payload&gt;\n</c>), reassembling partial records into lines.</summary>
public static class LogReader
{
    /// <summary>Safety net for a missed inotify event; normally file events wake the follower at once.</summary>
    private static readonly TimeSpan s_followRecheck = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Streams the log's lines matching <paramref name="options"/> (Docker semantics: tail counts lines of both streams,
    /// then since/until and the stream filters apply). With <c>Follow</c>, keeps reading new records (surviving log reopen
    /// and rotation) until <paramref name="exited"/> completes and the file is drained, or <paramref name="ct"/> is cancelled.
    /// A missing log file yields nothing (without Follow).
    /// </summary>
    public static async IAsyncEnumerable<LogEntry> ReadAsync(string logPath, LogReadOptions options, Task? exited = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var path = Path.GetFullPath(logPath);
        using var cursor = new LogFileCursor(path);
        using var changes = options.Follow ? new LogChangeSignal(path) : null;
        var batch = new List<LogEntry>();
        cursor.Open();
        cursor.ReadAvailable(batch);
        var finished = !options.Follow || exited is { IsCompleted: true };
        if (finished)
        {
            // Drain what the exit left behind, including a final line without newline.
            cursor.ReadAvailable(batch);
            cursor.Flush(batch);
        }
        if (options.Tail >= 0 && batch.Count > options.Tail)
            batch.RemoveRange(0, batch.Count - options.Tail);
        foreach (var entry in batch)
        {
            if (Past(entry, options))
                yield break;
            if (Wanted(entry, options))
                yield return entry;
        }
        if (finished || changes == null)
            yield break;

        while (!ct.IsCancellationRequested)
        {
            var exitedNow = exited?.IsCompleted == true;
            batch.Clear();
            cursor.ReadAvailable(batch);
            if (cursor.IsReplaced())
            {
                // conmon renames a fresh file over the log: finish the old one, then start the new one from its beginning.
                cursor.ReadAvailable(batch);
                if (cursor.Open())
                    cursor.ReadAvailable(batch);
            }
            if (exitedNow)
                cursor.Flush(batch);
            foreach (var entry in batch)
            {
                if (Past(entry, options))
                    yield break;
                if (Wanted(entry, options))
                    yield return entry;
            }
            if (exitedNow)
                yield break;
            var wake = changes.WaitAsync(s_followRecheck, ct);
            if (exited != null)
                await Task.WhenAny(wake, exited).ConfigureAwait(false);
            else
                await wake.ConfigureAwait(false);
        }
    }

    private static bool Past(LogEntry entry, LogReadOptions options) => options.Until is { } until && entry.Timestamp > until;

    private static bool Wanted(LogEntry entry, LogReadOptions options) =>
        (entry.Stream == StdStream.Stdout ? options.Stdout : options.Stderr)
        && (options.Since is not { } since || entry.Timestamp >= since);
}
