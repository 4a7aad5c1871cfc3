using System.Text.Json.Nodes;
using Wharf.Api.Client;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf rmi</c> / <c>image rm</c>: untags and deletes images, printing <c>Untagged:</c>/<c>Deleted:</c> lines.</summary>
internal sealed class RmiCommand : PerTargetCommand
{
    /// <inheritdoc/>
    public override string Name => "rmi";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] IMAGE [IMAGE...]";

    /// <inheritdoc/>
    public override string Description => "Remove one or more images";

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("force", 'f', "Force removal of the image")
        .Bool("no-prune", null, "Do not delete untagged parents");

    /// <inheritdoc/>
    protected override async Task<string?> ApplyAsync(WharfClient client, string target, ParsedFlags flags, CancellationToken ct)
    {
        var items = await client.RemoveImageAsync(target, flags.GetBool("force"), flags.GetBool("no-prune"), ct).ConfigureAwait(false);
        var lines = new List<string>();
        foreach (var item in items.OfType<JsonObject>())
        {
            if (item["Untagged"] is JsonValue untagged && untagged.ToString().Length > 0)
            {
                lines.Add("Untagged: " + untagged);
            }
            else if (item["Deleted"] is JsonValue deleted && deleted.ToString().Length > 0)
            {
                lines.Add("Deleted: " + deleted);
            }
        }
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }
}
