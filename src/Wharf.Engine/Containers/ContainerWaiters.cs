using System.Collections.Concurrent;

namespace Wharf.Engine.Containers;

/// <summary>Pending waits per container: one task for "the next exit", one for "removed"; completed by the service as state changes.</summary>
internal sealed class ContainerWaiters
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ContainerWaitResult>> _exits = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ContainerWaitResult>> _removals = new();

    /// <summary>Completes at the next recorded exit of <paramref name="id"/>.</summary>
    public Task<ContainerWaitResult> NextExit(string id) => _exits.GetOrAdd(id, _ => NewSource()).Task;

    /// <summary>Completes when <paramref name="id"/> is removed.</summary>
    public Task<ContainerWaitResult> Removed(string id) => _removals.GetOrAdd(id, _ => NewSource()).Task;

    /// <summary>Releases everyone waiting for the next exit; later waiters wait for the exit after.</summary>
    public void CompleteExit(string id, ContainerWaitResult result)
    {
        if (_exits.TryRemove(id, out var source))
        {
            source.TrySetResult(result);
        }
    }

    /// <summary>Releases everyone waiting for exit or removal of a removed container.</summary>
    public void CompleteRemoved(string id, ContainerWaitResult result)
    {
        CompleteExit(id, result);
        if (_removals.TryRemove(id, out var source))
        {
            source.TrySetResult(result);
        }
    }

    private static TaskCompletionSource<ContainerWaitResult> NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
