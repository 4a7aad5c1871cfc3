using Wharf.Api.Client;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf pause</c>: freezes all processes of each container, printing each argument that succeeded.</summary>
internal sealed class PauseCommand : PerContainerCommand
{
    /// <inheritdoc/>
    public override string Name => "pause";

    /// <inheritdoc/>
    public override string Description => "Pause all processes within one or more containers";

    /// <inheritdoc/>
    protected override Task ActAsync(WharfClient client, string container, ParsedFlags flags, CancellationToken ct) =>
        client.PauseContainerAsync(container, ct);
}
