using System.Text;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf volume prune</c>: removes unused anonymous volumes (all unused ones with <c>-a</c>) after a confirmation.</summary>
internal sealed class VolumePruneCommand : Command
{
    private const string AnonymousWarning = "WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue?";
    private const string AllWarning = "WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?";

    /// <inheritdoc/>
    public override string Name => "prune";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS]";

    /// <inheritdoc/>
    public override string Description => "Remove unused local volumes";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.None;

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("all", 'a', "Remove all unused volumes, not just anonymous ones")
        .List("filter", null, "Provide filter values (e.g. \"label=<label>\")", valueType: "filter")
        .Bool("force", 'f', "Do not prompt for confirmation");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var flags = invocation.Flags;
        var context = invocation.Context;
        var filters = FilterArguments.Parse(flags.GetList("filter"));
        var warning = AnonymousWarning;
        if (flags.GetBool("all"))
        {
            if (filters.Contains("all"))
            {
                throw new StatusException(1, "conflicting options: cannot specify both --all and --filter all=1");
            }
            filters.Add("all", "true");
            warning = AllWarning;
        }
        if (!flags.GetBool("force") && !await VolumeCliSupport.ConfirmAsync(context, warning).ConfigureAwait(false))
        {
            throw new StatusException(0, "");
        }
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var report = await client.PruneVolumesAsync(filters, context.Cancellation).ConfigureAwait(false);
        var output = new StringBuilder();
        long reclaimed = 0;
        if (report["VolumesDeleted"] is System.Text.Json.Nodes.JsonArray { Count: > 0 } deleted)
        {
            output.Append("Deleted Volumes:\n");
            foreach (var name in deleted)
            {
                output.Append(VolumeCliSupport.Str(name)).Append('\n');
            }
            output.Append('\n');
            reclaimed = report["SpaceReclaimed"]?.GetValue<long>() ?? 0;
        }
        output.Append("Total reclaimed space: ").Append(Wharf.Core.Units.ByteSizes.HumanSize(reclaimed)).Append('\n');
        invocation.Out.Write(output.ToString());
        return 0;
    }
}
