using System.Text.Json.Nodes;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf rmi</c> / <c>image rm</c>: untags and deletes images, printing <c>Untagged:</c>/<c>Deleted:</c> lines.</summary>
internal sealed class RmiCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "rmi";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] IMAGE [IMAGE...]";

    /// <inheritdoc/>
    public override string Description => "Remove one or more images";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.AtLeast(1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("force", 'f', "Force removal of the image")
        .Bool("no-prune", null, "Do not delete untagged parents");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var force = invocation.Flags.GetBool("force");
        var noPrune = invocation.Flags.GetBool("no-prune");
        var ok = await PerTarget.RunAsync(invocation.Args, async name =>
        {
            var items = await client.RemoveImageAsync(name, force, noPrune, context.Cancellation).ConfigureAwait(false);
            foreach (var item in items.OfType<JsonObject>())
            {
                if (item["Untagged"] is JsonValue untagged && untagged.ToString().Length > 0)
                {
                    context.Out.WriteLine("Untagged: " + untagged);
                }
                else if (item["Deleted"] is JsonValue deleted && deleted.ToString().Length > 0)
                {
                    context.Out.WriteLine("Deleted: " + deleted);
                }
            }
        }, context).ConfigureAwait(false);
        return ok ? 0 : 1;
    }
}
