using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf wait</c>: blocks until containers stop and prints their exit codes.</summary>
internal sealed class WaitCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "wait";

    /// <inheritdoc/>
    public override string Usage => "CONTAINER [CONTAINER...]";

    /// <inheritdoc/>
    public override string Description => "Block until one or more containers stop, then print their exit codes";

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
            var wait = await client.WaitContainerAsync(name, null, context.Cancellation).ConfigureAwait(false);
            var result = await wait.ConfigureAwait(false);
            context.Out.WriteLine(result.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await context.Out.FlushAsync().ConfigureAwait(false);
        }, context).ConfigureAwait(false);
        return ok ? 0 : 1;
    }
}
