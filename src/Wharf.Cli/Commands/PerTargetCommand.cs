using Wharf.Api.Client;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary>
/// A verb applied to each named object in turn (rm, rmi, volume rm, network rm, and the <see cref="PerContainerCommand"/>s):
/// prints what each success reports, reports each failure on stderr and goes on, exits 1 if any failed.
/// </summary>
internal abstract class PerTargetCommand : Command
{
    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.AtLeast(1);

    /// <summary>Applies the verb to one target; returns the line(s) to print for it, or null for none.</summary>
    protected abstract Task<string?> ApplyAsync(WharfClient client, string target, ParsedFlags flags, CancellationToken ct);

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var ok = await PerTarget.RunAsync(invocation.Args, async target =>
        {
            if (await ApplyAsync(client, target, invocation.Flags, context.Cancellation).ConfigureAwait(false) is { } output)
            {
                context.Out.WriteLine(output);
            }
        }, context).ConfigureAwait(false);
        return ok ? 0 : 1;
    }
}
