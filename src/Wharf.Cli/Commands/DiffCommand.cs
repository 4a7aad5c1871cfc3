using System.Text;
using System.Text.Json.Nodes;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf diff</c>: the files a container added (A), changed (C) and deleted (D) against its image.</summary>
internal sealed class DiffCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "diff";

    /// <inheritdoc/>
    public override string Usage => "CONTAINER";

    /// <inheritdoc/>
    public override string Description => "Inspect changes to files or directories on a container's filesystem";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.Exactly(1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags)
    {
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var changes = await client.ContainerChangesAsync(invocation.Args[0], context.Cancellation).ConfigureAwait(false);
        var output = new StringBuilder();
        foreach (var change in changes.OfType<JsonObject>())
        {
            var letter = change["Kind"]?.GetValue<int>() switch { 1 => 'A', 2 => 'D', _ => 'C' };
            output.Append(letter).Append(' ').Append(change["Path"]?.GetValue<string>()).Append('\n');
        }
        invocation.Out.Write(output.ToString());
        return 0;
    }
}
