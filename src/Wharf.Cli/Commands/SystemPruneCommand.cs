using System.Text;
using Wharf.Api.Streams;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf system prune</c>: stopped containers, unused networks, dangling (or all unused) images and, with <c>--volumes</c>, unused volumes.</summary>
internal sealed class SystemPruneCommand : PruneCommand
{
    /// <inheritdoc/>
    public override string Description => "Remove unused data";

    /// <inheritdoc/>
    protected override string AllFlagHelp => "Remove all unused images not just dangling ones";

    /// <inheritdoc/>
    protected override string FilterExample => "label=<key>=<value>";

    /// <inheritdoc/>
    protected override void DefineMoreFlags(FlagSet flags) => flags.Bool("volumes", null, "Prune anonymous volumes");

    /// <inheritdoc/>
    protected override string Confirmation(ParsedFlags flags, Filters filters) => Warning(flags.GetBool("all"), flags.GetBool("volumes"));

    /// <inheritdoc/>
    protected override IEnumerable<PruneCall> Calls(ParsedFlags flags) => flags.GetBool("volumes")
        ? [ContainerPruneCommand.PruneAsync, NetworkPruneCommand.PruneAsync, VolumePruneCommand.PruneAsync, ImagePruneCommand.PruneAsync]
        : [ContainerPruneCommand.PruneAsync, NetworkPruneCommand.PruneAsync, ImagePruneCommand.PruneAsync];

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
}
