using Wharf.Core.Errors;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    private readonly Lock _attachLock = new();
    private readonly HashSet<string> _attachable = [];
    private readonly Dictionary<string, List<TaskCompletionSource<AttachConnection>>> _pendingAttaches = [];

    /// <summary>
    /// Connects to the container's output and stdin (conmon's attach socket). For a running container this connects at once;
    /// otherwise it completes when the container is next started, after the runtime created it and before its process runs,
    /// so no output is missed (<c>docker run</c> attaches before it starts). The caller frames and disposes the connection.
    /// </summary>
    public Task<AttachConnection> AttachAsync(string nameOrId, CancellationToken ct = default)
    {
        var id = _store.Resolve(nameOrId).Id;
        TaskCompletionSource<AttachConnection> pending;
        lock (_attachLock)
        {
            if (_attachable.Contains(id))
            {
                return _runtime.AttachAsync(ContainerDirectory(id), ct);
            }
            pending = new TaskCompletionSource<AttachConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_pendingAttaches.TryGetValue(id, out var list))
            {
                _pendingAttaches[id] = list = [];
            }
            list.Add(pending);
        }
        if (ct.CanBeCanceled)
        {
            var registration = ct.Register(() =>
            {
                lock (_attachLock)
                {
                    if (_pendingAttaches.TryGetValue(id, out var list))
                    {
                        list.Remove(pending);
                    }
                }
                pending.TrySetCanceled(ct);
            });
            _ = pending.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        }
        return pending.Task;
    }

    /// <summary>Sets the pty size of a running container (<c>POST /containers/{id}/resize</c>).</summary>
    public void Resize(string nameOrId, int height, int width)
    {
        var container = _store.Resolve(nameOrId);
        if (!container.State.Running)
        {
            throw new ConflictException($"Container {container.Id} is not running");
        }
        _runtime.Resize(ContainerDirectory(container.Id), height, width);
    }

    private async Task ConnectPendingAttachesAsync(string id, CancellationToken ct)
    {
        List<TaskCompletionSource<AttachConnection>>? pending;
        lock (_attachLock)
        {
            _attachable.Add(id);
            _pendingAttaches.Remove(id, out pending);
        }
        foreach (var waiter in pending ?? [])
        {
            if (waiter.Task.IsCompleted)
            {
                continue;
            }
            try
            {
                var connection = await _runtime.AttachAsync(ContainerDirectory(id), ct).ConfigureAwait(false);
                if (!waiter.TrySetResult(connection))
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                waiter.TrySetException(e);
            }
        }
    }

    private void MarkAttachable(string id)
    {
        lock (_attachLock)
        {
            _attachable.Add(id);
        }
    }

    private void MarkNotAttachable(string id)
    {
        lock (_attachLock)
        {
            _attachable.Remove(id);
        }
    }

    private void FailPendingAttaches(string id, Exception error)
    {
        List<TaskCompletionSource<AttachConnection>>? pending;
        lock (_attachLock)
        {
            _pendingAttaches.Remove(id, out pending);
        }
        foreach (var waiter in pending ?? [])
        {
            waiter.TrySetException(error);
        }
    }
}
