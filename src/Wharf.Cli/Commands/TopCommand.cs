using System.Text.Json.Nodes;
using Wharf.Cli.Formatting;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf top CONTAINER [ps OPTIONS]</c>: the container's processes as the host's <c>ps</c> shows them.</summary>
internal sealed class TopCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "top";

    /// <inheritdoc/>
    public override string Usage => "CONTAINER [ps OPTIONS]";

    /// <inheritdoc/>
    public override string Description => "Display the running processes of a container";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.AtLeast(1);

    /// <inheritdoc/>
    public override bool StopsAtFirstPositional => true;

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags)
    {
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var client = await invocation.Context.GetClientAsync().ConfigureAwait(false);
        var psArgs = string.Join(' ', invocation.Args.Skip(1));
        var top = await client.TopContainerAsync(invocation.Args[0], psArgs, invocation.Context.Cancellation).ConfigureAwait(false);
        invocation.Out.Write(Render(top));
        return 0;
    }

    /// <summary>Titles and rows in docker's tabwriter layout (min width 20, padding 3).</summary>
    public static string Render(JsonObject top)
    {
        var writer = new TabWriter(20, 3);
        var titles = (top["Titles"] as JsonArray ?? []).Select(t => t?.GetValue<string>() ?? "");
        writer.Write(string.Join('\t', titles) + "\n");
        foreach (var row in top["Processes"] as JsonArray ?? [])
        {
            var cells = (row as JsonArray ?? []).Select(c => c?.GetValue<string>() ?? "");
            writer.Write(string.Join('\t', cells) + "\n");
        }
        return writer.Flush();
    }
}
