using Wharf.Core.Errors;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>How long to wait for an exit after SIGKILL before giving up.</summary>
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Sends the stop signal (<paramref name="signal"/>, else the container's StopSignal, else SIGTERM), waits
    /// <paramref name="timeoutSeconds"/> (else StopTimeout, else 10; negative = forever), then SIGKILLs. Returns once the exit is
    /// recorded. Not running → <see cref="NotModifiedException"/>.
    /// </summary>
    public async Task StopAsync(string nameOrId, int? timeoutSeconds = null, string? signal = null, CancellationToken ct = default)
    {
        var id = _store.Resolve(nameOrId).Id;
        var exited = _waiters.NextExit(id);
        var container = _store.Get(id) ?? throw new NotFoundException($"No such container: {nameOrId}");
        if (!container.State.Running)
        {
            throw new NotModifiedException("Container already stopped");
        }
        var number = ContainerSignals.Parse(string.IsNullOrEmpty(signal) ? container.Config.StopSignal : signal);
        var timeout = timeoutSeconds ?? container.Config.StopTimeout ?? 10;
        if (await MarkStoppedByUserAsync(container, number).ConfigureAwait(false))
        {
            Emit("stop", container);
            return;
        }
        await SignalAsync(container, number, ct).ConfigureAwait(false);
        EmitKill(container, number);
        if (timeout < 0)
        {
            await exited.WaitAsync(ct).ConfigureAwait(false);
        }
        else if (!await WaitForRecordedExitAsync(id, exited, TimeSpan.FromSeconds(timeout), ct).ConfigureAwait(false))
        {
            await SignalAsync(container, ContainerSignals.Kill, ct).ConfigureAwait(false);
            EmitKill(container, ContainerSignals.Kill);
            await WaitForRecordedExitAsync(id, exited, KillGrace, ct).ConfigureAwait(false);
        }
        Emit("stop", container);
    }

    /// <summary>Sends a signal (Docker's names or numbers; default SIGKILL). Not running → 409 <c>Cannot kill container: x: container &lt;id&gt; is not running</c>. With SIGKILL, returns once the exit is recorded.</summary>
    public async Task KillAsync(string nameOrId, string? signal = null, CancellationToken ct = default)
    {
        var number = ContainerSignals.Parse(signal, ContainerSignals.Kill);
        var id = _store.Resolve(nameOrId).Id;
        var exited = _waiters.NextExit(id);
        var container = _store.Get(id) ?? throw new NotFoundException($"No such container: {nameOrId}");
        if (!container.State.Running)
        {
            throw new ConflictException($"Cannot kill container: {nameOrId}: container {id} is not running");
        }
        if (await MarkStoppedByUserAsync(container, number).ConfigureAwait(false))
        {
            return;
        }
        await SignalAsync(container, number, ct).ConfigureAwait(false);
        Emit("kill", container, ("signal", number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (number == ContainerSignals.Kill)
        {
            await WaitForRecordedExitAsync(id, exited, KillGrace, ct).ConfigureAwait(false);
        }
    }

    private async Task SignalAsync(ContainerRecord container, int signal, CancellationToken ct)
    {
        try
        {
            await _runtime.KillAsync(container.Id, signal, all: signal == ContainerSignals.Kill, RuntimePath(container.HostConfig), ct).ConfigureAwait(false);
            await ThawIfPausedAsync(container, ct).ConfigureAwait(false);
        }
        catch (WharfException) when (_runtime.ReadExit(container.Id) is not null)
        {
            // It exited on its own meanwhile; the exit handler records it.
        }
    }

    /// <summary>Waits for the exit handler; if no event came, checks the exit file itself. True once the exit is recorded.</summary>
    private async Task<bool> WaitForRecordedExitAsync(string id, Task exited, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var slice = TimeSpan.FromMilliseconds(Math.Min(1000, Math.Max(0, (deadline - DateTimeOffset.UtcNow).TotalMilliseconds)));
            try
            {
                await exited.WaitAsync(slice, ct).ConfigureAwait(false);
                return true;
            }
            catch (TimeoutException)
            {
            }
            if (_runtime.ReadExit(id) is not null)
            {
                await HandleExitSafelyAsync(id).ConfigureAwait(false);
            }
            if (_store.Get(id) is not { State.Running: true })
            {
                return true;
            }
            if (DateTimeOffset.UtcNow >= deadline)
            {
                return false;
            }
        }
    }
}
