using System.Text;
using System.Text.Json.Nodes;
using Wharf.Api.Client;
using Wharf.Api.Streams;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf image prune</c>: removes dangling images (with <c>-a</c>: every image no container uses), after a confirmation.</summary>
internal sealed class ImagePruneCommand : PruneCommand
{
    private const string DanglingWarning = "WARNING! This will remove all dangling images.\nAre you sure you want to continue?";
    private const string AllWarning = "WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?";

    /// <inheritdoc/>
    public override string Description => "Remove unused images";

    /// <inheritdoc/>
    protected override string AllFlagHelp => "Remove all unused images, not just dangling ones";

    /// <inheritdoc/>
    protected override string Confirmation(ParsedFlags flags, Filters filters) => flags.GetBool("all") ? AllWarning : DanglingWarning;

    /// <inheritdoc/>
    protected override IEnumerable<PruneCall> Calls(ParsedFlags flags) => [PruneAsync];

    /// <summary>Calls <c>POST /images/prune</c> (<c>dangling=false</c> with <c>--all</c>); docker lists what went under "Deleted Images:".</summary>
    public static async Task<PruneReport> PruneAsync(WharfClient client, Filters filters, ParsedFlags flags, CancellationToken ct)
    {
        var query = new Filters();
        foreach (var key in filters.Keys)
        {
            foreach (var value in filters.Get(key))
            {
                query.Add(key, value);
            }
        }
        query.Add("dangling", flags.GetBool("all") ? "false" : "true");
        var report = await client.PruneImagesAsync(query, ct).ConfigureAwait(false);
        if (report["ImagesDeleted"] is not JsonArray { Count: > 0 } deleted)
        {
            return PruneReport.None;
        }
        var output = new StringBuilder("Deleted Images:\n");
        foreach (var entry in deleted.OfType<JsonObject>())
        {
            if (entry["Untagged"]?.GetValue<string>() is { Length: > 0 } untagged)
            {
                output.Append("untagged: ").Append(untagged).Append('\n');
            }
            if (entry["Deleted"]?.GetValue<string>() is { Length: > 0 } removed)
            {
                output.Append("deleted: ").Append(removed).Append('\n');
            }
        }
        return new(PruneReport.SpaceReclaimed(report), output.ToString());
    }
}
