using System.Collections.Concurrent;
using System.Globalization;

namespace Wharf.Engine.Runtime.Conmon;

/// <summary>
/// Watches conmon's exit directory. conmon writes <c>&lt;id&gt;.XXXXXX</c> and renames it to <c>&lt;id&gt;</c>, so an exit
/// is complete when a rename (inotify IN_MOVED_TO) produces a name that parses as an exit code.
/// </summary>
public sealed class ExitWatcher : IDisposable
{
    private readonly string _exitDir;
    private readonly Func<string, string> _persistDir;
    private readonly FileSystemWatcher _watcher;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ContainerExit>> _waiters = new(StringComparer.Ordinal);

    /// <summary>Starts watching <paramref name="exitDir"/> (created if missing); <paramref name="persistDir"/> maps an ID to its persist directory.</summary>
    public ExitWatcher(string exitDir, Func<string, string> persistDir)
    {
        _exitDir = exitDir;
        _persistDir = persistDir;
        Directory.CreateDirectory(exitDir);
        _watcher = new FileSystemWatcher(exitDir)
        {
            NotifyFilter = NotifyFilters.FileName,
            IncludeSubdirectories = false,
            InternalBufferSize = 64 * 1024,
        };
        // Only renames: conmon's temp file is created (and written) under another name first.
        _watcher.Renamed += (_, e) => OnName(e.Name);
        _watcher.Error += (_, _) => Rescan();
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Raised once per exit file that appears.</summary>
    public event EventHandler<ContainerExitedEventArgs>? Exited;

    /// <summary>The recorded exit of <paramref name="id"/>, or null if there is no (complete) exit file.</summary>
    public ContainerExit? Read(string id)
    {
        var path = Path.Combine(_exitDir, id);
        string text;
        DateTime finished;
        try
        {
            text = File.ReadAllText(path);
            finished = File.GetLastWriteTimeUtc(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            return null;
        }
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
            return null;
        var oom = File.Exists(Path.Combine(_persistDir(id), "oom"));
        return new ContainerExit(code, new DateTimeOffset(finished, TimeSpan.Zero), oom);
    }

    /// <summary>Completes when <paramref name="id"/>'s exit file exists.</summary>
    public async Task<ContainerExit> WaitAsync(string id, CancellationToken ct)
    {
        var tcs = _waiters.GetOrAdd(id, _ => new TaskCompletionSource<ContainerExit>(TaskCreationOptions.RunContinuationsAsynchronously));
        // Registered before the check, so an exit landing in between is not missed.
        var exit = Read(id);
        if (exit != null)
        {
            Complete(id, exit);
            return exit;
        }
        return await tcs.Task.WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Forgets pending waiters of an ID whose exit files are being removed (they stay pending until the next exit).</summary>
    internal void Reset(string id)
    {
        if (_waiters.TryGetValue(id, out var tcs) && tcs.Task.IsCompleted)
            _waiters.TryRemove(new KeyValuePair<string, TaskCompletionSource<ContainerExit>>(id, tcs));
    }

    private void OnName(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return;
        var exit = Read(name);
        if (exit == null)
            return;
        Complete(name, exit);
        Exited?.Invoke(this, new ContainerExitedEventArgs(name, exit));
    }

    private void Complete(string id, ContainerExit exit)
    {
        if (_waiters.TryRemove(id, out var tcs))
            tcs.TrySetResult(exit);
    }

    private void Rescan()
    {
        foreach (var id in _waiters.Keys)
        {
            var exit = Read(id);
            if (exit != null)
            {
                Complete(id, exit);
                Exited?.Invoke(this, new ContainerExitedEventArgs(id, exit));
            }
        }
    }

    /// <summary>Stops watching; pending waits stay pending.</summary>
    public void Dispose() => _watcher.Dispose();
}
