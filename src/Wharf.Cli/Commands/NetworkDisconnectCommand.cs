using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf network disconnect</c>: disconnects a container from a network.</summary>
internal sealed class NetworkDisconnectCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "disconnect";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] NETWORK CONTAINER";

    /// <inheritdoc/>
    public override string Description => "Disconnect a container from a network";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.Exactly(2);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("force", 'f', "Force the container to disconnect from a network");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var client = await invocation.Context.GetClientAsync().ConfigureAwait(false);
        await client.DisconnectNetworkAsync(invocation.Args[0], invocation.Args[1], invocation.Flags.GetBool("force"), invocation.Context.Cancellation).ConfigureAwait(false);
        return 0;
    }
}
