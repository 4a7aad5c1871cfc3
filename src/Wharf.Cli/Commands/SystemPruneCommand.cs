using System.Text;
using System.Text.Json.Nodes;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf system prune</c>: stopped containers, unused networks, dangling (or all unused) images and, with <c>--volumes</c>, unused volumes.</summary>
internal sealed class SystemPruneCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "prune";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS]";

    /// <inheritdoc/>
    public override string Description => "Remove unused data";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.None;

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("all", 'a', "Remove all unused images not just dangling ones")
        .List("filter", null, "Provide filter values (e.g. \"label=<key>=<value>\")", valueType: "filter")
        .Bool("force", 'f', "Do not prompt for confirmation")
        .Bool("volumes", null, "Prune anonymous volumes");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var all = invocation.Flags.GetBool("all");
        var volumes = invocation.Flags.GetBool("volumes");
        var filters = FilterArguments.Parse(invocation.Flags.GetList("filter"));
        if (!invocation.Flags.GetBool("force") && !await VolumeCliSupport.ConfirmAsync(context, Warning(all, volumes)).ConfigureAwait(false))
        {
            return 0;
        }
        var client = await context.GetClientAsync().ConfigureAwait(false);
        long total = 0;
        var (containerSpace, containerOutput) = await ContainerPruneCommand.PruneAsync(client, filters, context.Cancellation).ConfigureAwait(false);
        total += containerSpace;
        Print(invocation, containerOutput);
        var networks = await client.PruneNetworksAsync(filters, context.Cancellation).ConfigureAwait(false);
        Print(invocation, Listing("Deleted Networks:", networks["NetworksDeleted"]));
        if (volumes)
        {
            var report = await client.PruneVolumesAsync(filters, context.Cancellation).ConfigureAwait(false);
            total += report["SpaceReclaimed"]?.GetValue<long>() ?? 0;
            Print(invocation, Listing("Deleted Volumes:", report["VolumesDeleted"]));
        }
        var (imageSpace, imageOutput) = await ImagePruneCommand.PruneAsync(client, filters, all, context.Cancellation).ConfigureAwait(false);
        total += imageSpace;
        Print(invocation, imageOutput);
        invocation.Out.WriteLine("Total reclaimed space: " + Wharf.Core.Units.ByteSizes.HumanSize(total));
        return 0;
    }

    /// <summary>docker's confirmation text listing what will go.</summary>
    public static string Warning(bool all, bool volumes)
    {
        var sb = new StringBuilder("WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n");
        if (volumes)
        {
            sb.Append("  - all anonymous volumes not used by at least one container\n");
        }
        sb.Append(all ? "  - all images without at least one container associated to them\n" : "  - all dangling images\n");
        sb.Append("  - unused build cache\n\nAre you sure you want to continue?");
        return sb.ToString();
    }

    private static void Print(CommandInvocation invocation, string output)
    {
        if (output.Length > 0)
        {
            invocation.Out.WriteLine(output);
        }
    }

    private static string Listing(string title, JsonNode? names)
    {
        if (names is not JsonArray { Count: > 0 } list)
        {
            return "";
        }
        var sb = new StringBuilder(title).Append('\n');
        foreach (var name in list)
        {
            sb.Append(name?.GetValue<string>()).Append('\n');
        }
        return sb.ToString();
    }
}
