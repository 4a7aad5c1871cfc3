using Wharf.Api.Streams;
using System.Text.Json.Nodes;
using Wharf.Api.Client;
using Wharf.Cli.Formatting;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf images</c> / <c>image ls</c>: lists images in docker's columns.</summary>
internal sealed class ImagesCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "images";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] [REPOSITORY[:TAG]]";

    /// <inheritdoc/>
    public override string Description => "List images";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.Range(0, 1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("all", 'a', "Show all images (default hides intermediate images)")
        .Bool("digests", null, "Show digests")
        .List("filter", 'f', "Filter output based on conditions provided", valueType: "filter")
        .String("format", null, "Format output using a custom template")
        .Bool("no-trunc", null, "Don't truncate output")
        .Bool("quiet", 'q', "Only show image IDs");

    /// <summary>The template to use for the given flags, as docker's NewImageFormat picks it.</summary>
    public static string ChooseFormat(string? format, bool quiet, bool digests) =>
        ListFormat.Choose(format, quiet, "{{.ID}}", digests ? ImageRows.DigestFormat : ImageRows.DefaultFormat);

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var flags = invocation.Flags;
        var filters = FilterArguments.Parse(flags.GetList("filter"));
        if (invocation.Args.Count == 1)
        {
            filters.Add("reference", invocation.Args[0]);
        }
        var digests = flags.GetBool("digests");
        var format = ChooseFormat(flags.GetStringOrNull("format"), flags.GetBool("quiet"), digests);
        var prepared = ListFormatter.Prepare(format);
        var client = await invocation.Context.GetClientAsync().ConfigureAwait(false);
        var images = await client.ListImagesAsync(flags.GetBool("all"), filters, cancellationToken: invocation.Context.Cancellation).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        var truncate = !flags.GetBool("no-trunc");
        var rows = images.OfType<JsonObject>().SelectMany(i => ImageRows.Build(i, truncate, digests || format.Contains(".Digest", StringComparison.Ordinal), now))
            .Select(r => (IReadOnlyDictionary<string, object?>)r);
        invocation.Out.Write(ListFormatter.Render(prepared, rows, ImageRows.Headers));
        return 0;
    }
}
