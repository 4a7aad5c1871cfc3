using Wharf.Api.Client;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf unpause</c>: thaws all processes of each container, printing each argument that succeeded.</summary>
internal sealed class UnpauseCommand : PerContainerCommand
{
    /// <inheritdoc/>
    public override string Name => "unpause";

    /// <inheritdoc/>
    public override string Description => "Unpause all processes within one or more containers";

    /// <inheritdoc/>
    protected override Task ActAsync(WharfClient client, string container, ParsedFlags flags, CancellationToken ct) =>
        client.UnpauseContainerAsync(container, ct);
}
