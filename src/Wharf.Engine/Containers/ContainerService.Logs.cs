using Wharf.Engine.Runtime.Conmon;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>The container's log lines (conmon's k8s-file) matching <paramref name="options"/>; with Follow the stream ends when the container stops.</summary>
    public IAsyncEnumerable<LogEntry> ReadLogsAsync(string nameOrId, LogReadOptions options, CancellationToken ct = default)
    {
        var id = _store.Resolve(nameOrId).Id;
        var exited = _waiters.NextExit(id);
        var container = _store.Get(id) ?? _store.Resolve(nameOrId);
        Task stopped = container.State.Running ? exited : Task.CompletedTask;
        return LogReader.ReadAsync(container.LogPath, options, stopped, ct);
    }
}
