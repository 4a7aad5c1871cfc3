using Wharf.Core.Errors;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>Freezes every process of a running container (409 when not running or already paused).</summary>
    public async Task PauseAsync(string nameOrId, CancellationToken ct = default)
    {
        var id = _store.Resolve(nameOrId).Id;
        using (await LockAsync(id, ct).ConfigureAwait(false))
        {
            var container = _store.Get(id) ?? throw new NotFoundException($"No such container: {nameOrId}");
            if (!container.State.Running)
            {
                throw new ConflictException($"Container {id} is not running");
            }
            if (container.State.Paused)
            {
                throw new ConflictException($"Container {id} is already paused");
            }
            await _runtime.PauseAsync(id, RuntimePath(container.HostConfig), ct).ConfigureAwait(false);
            container = container with { State = container.State with { Status = ContainerStatus.Paused } };
            _store.Update(container);
            OnPaused(id);
            Emit("pause", container);
        }
    }

    /// <summary>Thaws a paused container (409 when it is not paused).</summary>
    public async Task UnpauseAsync(string nameOrId, CancellationToken ct = default)
    {
        var id = _store.Resolve(nameOrId).Id;
        using (await LockAsync(id, ct).ConfigureAwait(false))
        {
            var container = _store.Get(id) ?? throw new NotFoundException($"No such container: {nameOrId}");
            if (!container.State.Paused)
            {
                throw new ConflictException($"Container {id} is not paused");
            }
            await _runtime.ResumeAsync(id, RuntimePath(container.HostConfig), ct).ConfigureAwait(false);
            container = container with { State = container.State with { Status = ContainerStatus.Running } };
            _store.Update(container);
            OnUnpaused(container);
            Emit("unpause", container);
        }
    }

    /// <summary>A frozen process cannot act on a signal: thaw it after signalling so stop and kill take effect.</summary>
    private async Task ThawIfPausedAsync(ContainerRecord container, CancellationToken ct)
    {
        if (!container.State.Paused)
        {
            return;
        }
        try
        {
            await _runtime.ResumeAsync(container.Id, RuntimePath(container.HostConfig), ct).ConfigureAwait(false);
        }
        catch (WharfException)
        {
        }
    }
}
