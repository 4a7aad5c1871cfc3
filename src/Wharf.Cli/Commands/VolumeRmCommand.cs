using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf volume rm</c>: removes volumes, printing each one removed.</summary>
internal sealed class VolumeRmCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "rm";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] VOLUME [VOLUME...]";

    /// <inheritdoc/>
    public override string Description => "Remove one or more volumes";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.AtLeast(1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("force", 'f', "Force the removal of one or more volumes");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var force = invocation.Flags.GetBool("force");
        var ok = await PerTarget.RunAsync(invocation.Args, async name =>
        {
            await client.RemoveVolumeAsync(name, force, context.Cancellation).ConfigureAwait(false);
            context.Out.WriteLine(name);
        }, context).ConfigureAwait(false);
        return ok ? 0 : 1;
    }
}
