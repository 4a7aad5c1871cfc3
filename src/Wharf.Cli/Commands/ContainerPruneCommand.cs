using Wharf.Api.Client;
using Wharf.Api.Streams;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf container prune</c>: removes all stopped containers, after a confirmation.</summary>
internal sealed class ContainerPruneCommand : PruneCommand
{
    /// <inheritdoc/>
    public override string Description => "Remove all stopped containers";

    /// <inheritdoc/>
    protected override string Confirmation(ParsedFlags flags, Filters filters) =>
        "WARNING! This will remove all stopped containers.\nAre you sure you want to continue?";

    /// <inheritdoc/>
    protected override IEnumerable<PruneCall> Calls(ParsedFlags flags) => [PruneAsync];

    /// <summary>Calls <c>POST /containers/prune</c>; docker lists the IDs under "Deleted Containers:".</summary>
    public static async Task<PruneReport> PruneAsync(WharfClient client, Filters filters, ParsedFlags flags, CancellationToken ct) =>
        PruneReport.Of(await client.PruneContainersAsync(filters, ct).ConfigureAwait(false), "ContainersDeleted", "Deleted Containers:");
}
