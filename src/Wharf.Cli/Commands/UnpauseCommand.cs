using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf unpause</c>: thaws all processes of each container, printing each argument that succeeded.</summary>
internal sealed class UnpauseCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "unpause";

    /// <inheritdoc/>
    public override string Usage => "CONTAINER [CONTAINER...]";

    /// <inheritdoc/>
    public override string Description => "Unpause all processes within one or more containers";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.AtLeast(1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags)
    {
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var ok = await PerTarget.RunAsync(invocation.Args, async name =>
        {
            await client.UnpauseContainerAsync(name, context.Cancellation).ConfigureAwait(false);
            context.Out.WriteLine(name);
        }, context).ConfigureAwait(false);
        return ok ? 0 : 1;
    }
}
