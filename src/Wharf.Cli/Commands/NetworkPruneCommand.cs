using System.Text;
using System.Text.Json.Nodes;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf network prune</c>: removes custom networks no container uses, after a confirmation.</summary>
internal sealed class NetworkPruneCommand : Command
{
    private const string Warning = "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?";

    /// <inheritdoc/>
    public override string Name => "prune";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS]";

    /// <inheritdoc/>
    public override string Description => "Remove all unused networks";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.None;

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .List("filter", null, "Provide filter values (e.g. \"until=<timestamp>\")", valueType: "filter")
        .Bool("force", 'f', "Do not prompt for confirmation");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var filters = FilterArguments.Parse(invocation.Flags.GetList("filter"));
        if (!invocation.Flags.GetBool("force") && !await VolumeCliSupport.ConfirmAsync(context, Warning).ConfigureAwait(false))
        {
            return 0;
        }
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var report = await client.PruneNetworksAsync(filters, context.Cancellation).ConfigureAwait(false);
        if (report["NetworksDeleted"] is JsonArray { Count: > 0 } deleted)
        {
            var output = new StringBuilder("Deleted Networks:\n");
            foreach (var name in deleted)
            {
                output.Append(VolumeCliSupport.Str(name)).Append('\n');
            }
            invocation.Out.Write(output.Append('\n').ToString());
        }
        return 0;
    }
}
