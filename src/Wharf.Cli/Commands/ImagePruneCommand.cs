using System.Text;
using System.Text.Json.Nodes;
using Wharf.Api.Client;
using Wharf.Api.Streams;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf image prune</c>: removes dangling images (with <c>-a</c>: every image no container uses), after a confirmation.</summary>
internal sealed class ImagePruneCommand : Command
{
    private const string DanglingWarning = "WARNING! This will remove all dangling images.\nAre you sure you want to continue?";
    private const string AllWarning = "WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?";

    /// <inheritdoc/>
    public override string Name => "prune";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS]";

    /// <inheritdoc/>
    public override string Description => "Remove unused images";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.None;

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("all", 'a', "Remove all unused images, not just dangling ones")
        .List("filter", null, "Provide filter values (e.g. \"until=<timestamp>\")", valueType: "filter")
        .Bool("force", 'f', "Do not prompt for confirmation");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var all = invocation.Flags.GetBool("all");
        var filters = FilterArguments.Parse(invocation.Flags.GetList("filter"));
        if (!invocation.Flags.GetBool("force") && !await VolumeCliSupport.ConfirmAsync(context, all ? AllWarning : DanglingWarning).ConfigureAwait(false))
        {
            return 0;
        }
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var (reclaimed, output) = await PruneAsync(client, filters, all, context.Cancellation).ConfigureAwait(false);
        if (output.Length > 0)
        {
            invocation.Out.WriteLine(output);
        }
        invocation.Out.WriteLine("Total reclaimed space: " + Wharf.Core.Units.ByteSizes.HumanSize(reclaimed));
        return 0;
    }

    /// <summary>Calls <c>POST /images/prune</c> (<c>dangling=false</c> with <paramref name="all"/>); returns the bytes freed and docker's "Deleted Images:" text.</summary>
    public static async Task<(long Reclaimed, string Output)> PruneAsync(WharfClient client, Filters filters, bool all, CancellationToken ct)
    {
        var query = new Filters();
        foreach (var key in filters.Keys)
        {
            foreach (var value in filters.Get(key))
            {
                query.Add(key, value);
            }
        }
        query.Add("dangling", all ? "false" : "true");
        var report = await client.PruneImagesAsync(query, ct).ConfigureAwait(false);
        if (report["ImagesDeleted"] is not JsonArray { Count: > 0 } deleted)
        {
            return (0, "");
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
        return (report["SpaceReclaimed"]?.GetValue<long>() ?? 0, output.ToString());
    }
}
