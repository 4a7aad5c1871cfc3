using Wharf.Api.Client;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf kill</c>: sends a signal (default KILL) to containers, printing each argument that succeeded.</summary>
internal sealed class KillCommand : PerContainerCommand
{
    /// <inheritdoc/>
    public override string Name => "kill";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] CONTAINER [CONTAINER...]";

    /// <inheritdoc/>
    public override string Description => "Kill one or more running containers";

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags.String("signal", 's', "Signal to send to the container");

    /// <inheritdoc/>
    protected override Task ActAsync(WharfClient client, string container, ParsedFlags flags, CancellationToken ct) =>
        client.KillContainerAsync(container, flags.GetStringOrNull("signal"), ct);
}
