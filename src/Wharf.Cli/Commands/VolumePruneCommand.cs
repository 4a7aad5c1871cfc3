using Wharf.Api.Client;
using Wharf.Api.Streams;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf volume prune</c>: removes unused anonymous volumes (all unused ones with <c>-a</c>) after a confirmation.</summary>
internal sealed class VolumePruneCommand : PruneCommand
{
    private const string AnonymousWarning = "WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue?";
    private const string AllWarning = "WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?";

    /// <inheritdoc/>
    public override string Description => "Remove unused local volumes";

    /// <inheritdoc/>
    protected override string AllFlagHelp => "Remove all unused volumes, not just anonymous ones";

    /// <inheritdoc/>
    protected override string FilterExample => "label=<label>";

    /// <inheritdoc/>
    protected override string Confirmation(ParsedFlags flags, Filters filters)
    {
        if (!flags.GetBool("all"))
        {
            return AnonymousWarning;
        }
        if (filters.Contains("all"))
        {
            throw new StatusException(1, "conflicting options: cannot specify both --all and --filter all=1");
        }
        filters.Add("all", "true");
        return AllWarning;
    }

    /// <inheritdoc/>
    protected override IEnumerable<PruneCall> Calls(ParsedFlags flags) => [PruneAsync];

    /// <summary>Calls <c>POST /volumes/prune</c>; docker lists the names under "Deleted Volumes:".</summary>
    public static async Task<PruneReport> PruneAsync(WharfClient client, Filters filters, ParsedFlags flags, CancellationToken ct) =>
        PruneReport.Of(await client.PruneVolumesAsync(filters, ct).ConfigureAwait(false), "VolumesDeleted", "Deleted Volumes:");
}
