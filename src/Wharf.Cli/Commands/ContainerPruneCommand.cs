using System.Text;
using System.Text.Json.Nodes;
using Wharf.Api.Client;
using Wharf.Api.Streams;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf container prune</c>: removes all stopped containers, after a confirmation.</summary>
internal sealed class ContainerPruneCommand : Command
{
    private const string Warning = "WARNING! This will remove all stopped containers.\nAre you sure you want to continue?";

    /// <inheritdoc/>
    public override string Name => "prune";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS]";

    /// <inheritdoc/>
    public override string Description => "Remove all stopped containers";

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
        var (reclaimed, output) = await PruneAsync(client, filters, context.Cancellation).ConfigureAwait(false);
        if (output.Length > 0)
        {
            invocation.Out.WriteLine(output);
        }
        invocation.Out.WriteLine("Total reclaimed space: " + Wharf.Core.Units.ByteSizes.HumanSize(reclaimed));
        return 0;
    }

    /// <summary>Calls <c>POST /containers/prune</c>; returns the bytes freed and docker's "Deleted Containers:" text (empty when none).</summary>
    public static async Task<(long Reclaimed, string Output)> PruneAsync(WharfClient client, Filters filters, CancellationToken ct)
    {
        var report = await client.PruneContainersAsync(filters, ct).ConfigureAwait(false);
        if (report["ContainersDeleted"] is not JsonArray { Count: > 0 } deleted)
        {
            return (0, "");
        }
        var output = new StringBuilder("Deleted Containers:\n");
        foreach (var id in deleted)
        {
            output.Append(id?.GetValue<string>()).Append('\n');
        }
        return (report["SpaceReclaimed"]?.GetValue<long>() ?? 0, output.ToString());
    }
}
