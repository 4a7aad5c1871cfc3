using Wharf.Api.Client;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary>A verb applied to each named container in turn (stop, restart, pause, unpause): prints each argument that succeeded, exits 1 if any failed.</summary>
internal abstract class PerContainerCommand : Command
{
    /// <inheritdoc/>
    public override string Usage => "CONTAINER [CONTAINER...]";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.AtLeast(1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags)
    {
    }

    /// <summary>Applies the verb to one container.</summary>
    protected abstract Task ActAsync(WharfClient client, string container, ParsedFlags flags, CancellationToken ct);

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var ok = await PerTarget.RunAsync(invocation.Args, async name =>
        {
            await ActAsync(client, name, invocation.Flags, context.Cancellation).ConfigureAwait(false);
            context.Out.WriteLine(name);
        }, context).ConfigureAwait(false);
        return ok ? 0 : 1;
    }
}
