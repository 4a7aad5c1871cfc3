using Wharf.Api.Client;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf network rm</c>: removes networks, printing each one removed.</summary>
internal sealed class NetworkRmCommand : PerTargetCommand
{
    /// <inheritdoc/>
    public override string Name => "rm";

    /// <inheritdoc/>
    public override string Usage => "NETWORK [NETWORK...]";

    /// <inheritdoc/>
    public override string Description => "Remove one or more networks";

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("force", 'f', "Do not error if the network does not exist");

    /// <inheritdoc/>
    protected override async Task<string?> ApplyAsync(WharfClient client, string target, ParsedFlags flags, CancellationToken ct)
    {
        try
        {
            await client.RemoveNetworkAsync(target, ct).ConfigureAwait(false);
        }
        catch (DaemonErrorException e) when (flags.GetBool("force") && e.IsNotFound)
        {
            return null;
        }
        return target;
    }
}
