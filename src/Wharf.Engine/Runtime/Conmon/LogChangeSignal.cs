namespace Wharf.Engine.Runtime.Conmon;

/// <summary>Wakes a log follower when its file is written, replaced (rename over it) or created.</summary>
internal sealed class LogChangeSignal : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly string _name;
    private readonly SemaphoreSlim _signal = new(0, 1);

    public LogChangeSignal(string path)
    {
        _name = Path.GetFileName(path);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            IncludeSubdirectories = false,
        };
        _watcher.Changed += (_, e) => { if (e.Name == _name) Wake(); };
        _watcher.Created += (_, e) => { if (e.Name == _name) Wake(); };
        _watcher.Renamed += (_, e) => { if (e.Name == _name || e.OldName == _name) Wake(); };
        _watcher.Error += (_, _) => Wake();
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Completes on the next change, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await _signal.WaitAsync(timeout, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Wake()
    {
        try
        {
            if (_signal.CurrentCount == 0)
                _signal.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _signal.Dispose();
    }
}
