using System.Text.Json.Nodes;
using Wharf.Cli.Formatting;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf network ls</c>: lists networks by name in docker's columns.</summary>
internal sealed class NetworkLsCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "ls";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS]";

    /// <inheritdoc/>
    public override string Description => "List networks";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.None;

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .List("filter", 'f', "Provide filter values (e.g. \"driver=bridge\")", valueType: "filter")
        .String("format", null, "Format output using a custom template")
        .Bool("no-trunc", null, "Do not truncate the output")
        .Bool("quiet", 'q', "Only display network IDs");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var flags = invocation.Flags;
        var format = ListFormat.Choose(flags.GetStringOrNull("format"), flags.GetBool("quiet"), "{{.ID}}", NetworkRows.DefaultFormat);
        var prepared = ListFormatter.Prepare(format);
        var filters = FilterArguments.Parse(flags.GetList("filter"));
        var client = await invocation.Context.GetClientAsync().ConfigureAwait(false);
        var networks = await client.ListNetworksAsync(filters, invocation.Context.Cancellation).ConfigureAwait(false);
        var truncate = !flags.GetBool("no-trunc");
        var rows = networks.OfType<JsonObject>()
            .OrderBy(n => VolumeCliSupport.Str(n["Name"]), StringComparer.Ordinal)
            .Select(n => (IReadOnlyDictionary<string, object?>)NetworkRows.Build(n, truncate));
        invocation.Out.Write(ListFormatter.Render(prepared, rows, NetworkRows.Headers));
        return 0;
    }
}
