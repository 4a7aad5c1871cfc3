using System.Text.Json.Nodes;
using Wharf.Cli.Formatting;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf volume ls</c>: lists volumes by name in docker's columns.</summary>
internal sealed class VolumeLsCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "ls";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS]";

    /// <inheritdoc/>
    public override string Description => "List volumes";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.None;

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .List("filter", 'f', "Provide filter values (e.g. \"dangling=true\")", valueType: "filter")
        .String("format", null, "Format output using a custom template")
        .Bool("quiet", 'q', "Only display volume names");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var flags = invocation.Flags;
        var format = ListFormat.Choose(flags.GetStringOrNull("format"), flags.GetBool("quiet"), "{{.Name}}", VolumeRows.DefaultFormat);
        var prepared = ListFormatter.Prepare(format);
        var filters = FilterArguments.Parse(flags.GetList("filter"));
        var client = await invocation.Context.GetClientAsync().ConfigureAwait(false);
        var volumes = await client.ListVolumesAsync(filters, invocation.Context.Cancellation).ConfigureAwait(false);
        var rows = volumes.OfType<JsonObject>()
            .OrderBy(v => VolumeCliSupport.Str(v["Name"]), StringComparer.Ordinal)
            .Select(v => (IReadOnlyDictionary<string, object?>)VolumeRows.Build(v));
        invocation.Out.Write(ListFormatter.Render(prepared, rows, VolumeRows.Headers));
        return 0;
    }
}
