using Wharf.Core.Errors;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>Stops the container if it runs (as <see cref="StopAsync"/>), then starts it.</summary>
    public async Task RestartAsync(string nameOrId, int? timeoutSeconds = null, string? signal = null, CancellationToken ct = default)
    {
        var id = _store.Resolve(nameOrId).Id;
        try
        {
            await StopAsync(id, timeoutSeconds, signal, ct).ConfigureAwait(false);
        }
        catch (NotModifiedException)
        {
        }
        await StartAsync(id, null, ct).ConfigureAwait(false);
        if (_store.Get(id) is { } container)
        {
            Emit("restart", container);
        }
    }
}
