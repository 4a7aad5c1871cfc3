using Wharf.Api.Client;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf network rm</c>: removes networks, printing each one removed.</summary>
internal sealed class NetworkRmCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "rm";

    /// <inheritdoc/>
    public override string Usage => "NETWORK [NETWORK...]";

    /// <inheritdoc/>
    public override string Description => "Remove one or more networks";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.AtLeast(1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("force", 'f', "Do not error if the network does not exist");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var force = invocation.Flags.GetBool("force");
        var ok = await PerTarget.RunAsync(invocation.Args, async name =>
        {
            try
            {
                await client.RemoveNetworkAsync(name, context.Cancellation).ConfigureAwait(false);
            }
            catch (DaemonErrorException e) when (force && e.IsNotFound)
            {
                return;
            }
            context.Out.WriteLine(name);
        }, context).ConfigureAwait(false);
        return ok ? 0 : 1;
    }
}
