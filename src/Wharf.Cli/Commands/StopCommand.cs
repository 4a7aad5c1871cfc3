using Wharf.Api.Client;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf stop</c>: stops containers, printing each argument that succeeded.</summary>
internal class StopCommand : PerContainerCommand
{
    /// <inheritdoc/>
    public override string Name => "stop";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] CONTAINER [CONTAINER...]";

    /// <inheritdoc/>
    public override string Description => "Stop one or more running containers";

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .String("signal", 's', "Signal to send to the container")
        .Int("timeout", 't', "Seconds to wait before killing the container");

    /// <inheritdoc/>
    protected override Task ActAsync(WharfClient client, string container, ParsedFlags flags, CancellationToken ct) =>
        client.StopContainerAsync(container, Timeout(flags), flags.GetStringOrNull("signal"), ct);

    /// <summary>The <c>-t</c> value, or null for the container's own stop timeout.</summary>
    protected static int? Timeout(ParsedFlags flags) => flags.IsSet("timeout") ? (int)flags.GetInt("timeout") : null;
}
