using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf kill</c>: sends a signal (default KILL) to containers, printing each argument that succeeded.</summary>
internal sealed class KillCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "kill";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] CONTAINER [CONTAINER...]";

    /// <inheritdoc/>
    public override string Description => "Kill one or more running containers";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.AtLeast(1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags.String("signal", 's', "Signal to send to the container");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var signal = invocation.Flags.GetStringOrNull("signal");
        var ok = await PerTarget.RunAsync(invocation.Args, async name =>
        {
            await client.KillContainerAsync(name, signal, context.Cancellation).ConfigureAwait(false);
            context.Out.WriteLine(name);
        }, context).ConfigureAwait(false);
        return ok ? 0 : 1;
    }
}
