namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// Docker's wait: <c>not-running</c> returns at once for a created or exited container, else at the next exit;
    /// <c>next-exit</c> waits for the next exit; <c>removed</c> waits for removal. The container must exist when called (404).
    /// </summary>
    public async Task<ContainerWaitResult> WaitAsync(string nameOrId, ContainerWaitCondition condition = ContainerWaitCondition.NotRunning, CancellationToken ct = default)
    {
        var id = _store.Resolve(nameOrId).Id;
        switch (condition)
        {
            case ContainerWaitCondition.NextExit:
                return await _waiters.NextExit(id).WaitAsync(ct).ConfigureAwait(false);
            case ContainerWaitCondition.Removed:
                {
                    var removed = _waiters.Removed(id);
                    if (_store.Get(id) is null)
                    {
                        return removed.IsCompleted ? await removed.ConfigureAwait(false) : new ContainerWaitResult(0);
                    }
                    return await removed.WaitAsync(ct).ConfigureAwait(false);
                }
            default:
                {
                    var exited = _waiters.NextExit(id);
                    var container = _store.Get(id);
                    if (container is null || !container.State.Running)
                    {
                        var state = container?.State ?? new ContainerState();
                        return new ContainerWaitResult(state.ExitCode, state.Error.Length == 0 ? null : state.Error);
                    }
                    return await exited.WaitAsync(ct).ConfigureAwait(false);
                }
        }
    }
}
