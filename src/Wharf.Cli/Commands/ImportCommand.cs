using Wharf.Api.Client;
using Wharf.Cli.Parsing;
using Wharf.Core.References;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf import</c>: creates an image from a tarball (file or <c>-</c>), streaming it to the daemon.</summary>
internal sealed class ImportCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "import";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] file|URL|- [REPOSITORY[:TAG]]";

    /// <inheritdoc/>
    public override string Description => "Import the contents from a tarball to create a filesystem image";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.Range(1, 2);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .List("change", 'c', "Apply Dockerfile instruction to the created image")
        .String("message", 'm', "Set commit message for imported image")
        .String("platform", null, "Set platform if server is multi-platform capable");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var source = invocation.Args[0];
        var repository = invocation.Args.Count > 1 ? invocation.Args[1] : null;
        if (repository is not null && !ImageReference.TryParse(repository, out _, out var error))
        {
            throw new StatusException(1, error);
        }
        Stream input;
        var ownsInput = false;
        if (source == "-")
        {
            input = context.StdinStream;
        }
        else if (source.StartsWith("http://", StringComparison.Ordinal) || source.StartsWith("https://", StringComparison.Ordinal))
        {
            throw new StatusException(1, "importing from a URL is not supported yet");
        }
        else
        {
            try
            {
                input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
                ownsInput = true;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
            {
                throw new StatusException(1, $"open {source}: {(e is UnauthorizedAccessException ? "permission denied" : "no such file or directory")}");
            }
        }
        try
        {
            var client = await context.GetClientAsync().ConfigureAwait(false);
            await using var messages = await client.ImportImageAsync(input, repository, null, invocation.Flags.GetStringOrNull("message"),
                invocation.Flags.GetList("change"), invocation.Flags.GetStringOrNull("platform"), context.Cancellation).ConfigureAwait(false);
            await foreach (var message in JsonMessageReader.ReadAsync(messages, context.Cancellation).ConfigureAwait(false))
            {
                context.Out.Write(JsonMessageReader.Render(message));
            }
            return 0;
        }
        finally
        {
            if (ownsInput)
            {
                await input.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
