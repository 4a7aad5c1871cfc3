using Wharf.Api.Streams;
using System.Text.Json.Nodes;
using Wharf.Api.Client;
using Wharf.Cli.Formatting;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf ps</c> / <c>container ls</c>: lists containers in docker's columns.</summary>
internal sealed class PsCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "ps";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS]";

    /// <inheritdoc/>
    public override string Description => "List containers";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.None;

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("all", 'a', "Show all containers (default shows just running)")
        .List("filter", 'f', "Filter output based on conditions provided", valueType: "filter")
        .String("format", null, "Format output using a custom template")
        .Int("last", 'n', "Show n last created containers (includes all states)", -1)
        .Bool("latest", 'l', "Show the latest created container (includes all states)")
        .Bool("no-trunc", null, "Don't truncate output")
        .Bool("quiet", 'q', "Only display container IDs")
        .Bool("size", 's', "Display total file sizes");

    /// <summary>The template to use for the given flags, as docker's NewContainerFormat picks it.</summary>
    public static string ChooseFormat(string? format, bool quiet, bool size) =>
        ListFormat.Choose(format, quiet, "{{.ID}}", size ? ContainerRows.DefaultFormat + "\t{{.Size}}" : ContainerRows.DefaultFormat);

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var flags = invocation.Flags;
        var filters = FilterArguments.Parse(flags.GetList("filter"));
        var all = flags.GetBool("all");
        var limit = (int)flags.GetInt("last");
        if (flags.GetBool("latest"))
        {
            limit = 1;
        }
        if (limit != -1)
        {
            all = true;
        }
        var format = ChooseFormat(flags.GetStringOrNull("format"), flags.GetBool("quiet"), flags.GetBool("size"));
        var size = flags.GetBool("size") || format.Contains(".Size", StringComparison.Ordinal);
        var prepared = ListFormatter.Prepare(format);
        var client = await invocation.Context.GetClientAsync().ConfigureAwait(false);
        var containers = await client.ListContainersAsync(all, limit, size, filters, invocation.Context.Cancellation).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        var truncate = !flags.GetBool("no-trunc");
        var rows = containers.OfType<JsonObject>().Select(c => (IReadOnlyDictionary<string, object?>)ContainerRows.Build(c, truncate, now));
        invocation.Out.Write(ListFormatter.Render(prepared, rows, ContainerRows.Headers));
        return 0;
    }
}
