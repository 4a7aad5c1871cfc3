using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf export</c>: writes a container's filesystem as a tar to a file or stdout (never to a terminal).</summary>
internal sealed class ExportCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "export";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] CONTAINER";

    /// <inheritdoc/>
    public override string Description => "Export a container's filesystem as a tar archive";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.Exactly(1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags.String("output", 'o', "Write to a file, instead of STDOUT");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var output = invocation.Flags.GetStringOrNull("output");
        if (string.IsNullOrEmpty(output) && context.StdoutIsTerminal)
        {
            throw new StatusException(1, "cowardly refusing to save to a terminal. Use the -o flag or redirect");
        }
        var client = await context.GetClientAsync().ConfigureAwait(false);
        await using var tar = await client.ExportContainerAsync(invocation.Args[0], context.Cancellation).ConfigureAwait(false);
        if (string.IsNullOrEmpty(output))
        {
            await context.Out.FlushAsync().ConfigureAwait(false);
            await tar.CopyToAsync(context.StdoutStream, context.Cancellation).ConfigureAwait(false);
            await context.StdoutStream.FlushAsync(context.Cancellation).ConfigureAwait(false);
            return 0;
        }
        var temp = output + ".wharf-export-" + Environment.ProcessId;
        try
        {
            await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await tar.CopyToAsync(file, context.Cancellation).ConfigureAwait(false);
            }
            File.Move(temp, output, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        return 0;
    }
}
