using Wharf.Api.Client;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf restart</c>: restarts containers (stop with a timeout, then start), printing each argument that succeeded.</summary>
internal sealed class RestartCommand : StopCommand
{
    /// <inheritdoc/>
    public override string Name => "restart";

    /// <inheritdoc/>
    public override string Description => "Restart one or more containers";

    /// <inheritdoc/>
    protected override Task ActAsync(WharfClient client, string container, ParsedFlags flags, CancellationToken ct) =>
        client.RestartContainerAsync(container, Timeout(flags), flags.GetStringOrNull("signal"), ct);
}
