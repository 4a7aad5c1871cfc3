using Wharf.Api.Client;
using Wharf.Api.Streams;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf network prune</c>: removes custom networks no container uses, after a confirmation.</summary>
internal sealed class NetworkPruneCommand : PruneCommand
{
    /// <inheritdoc/>
    public override string Description => "Remove all unused networks";

    /// <inheritdoc/>
    protected override bool PrintsReclaimedSpace => false;

    /// <inheritdoc/>
    protected override string Confirmation(ParsedFlags flags, Filters filters) =>
        "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?";

    /// <inheritdoc/>
    protected override IEnumerable<PruneCall> Calls(ParsedFlags flags) => [PruneAsync];

    /// <summary>Calls <c>POST /networks/prune</c>; docker lists the names under "Deleted Networks:".</summary>
    public static async Task<PruneReport> PruneAsync(WharfClient client, Filters filters, ParsedFlags flags, CancellationToken ct) =>
        PruneReport.Of(await client.PruneNetworksAsync(filters, ct).ConfigureAwait(false), "NetworksDeleted", "Deleted Networks:");
}
