using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf network inspect</c>: prints networks as a JSON array or through <c>--format</c>.</summary>
internal sealed class NetworkInspectCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "inspect";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] NETWORK [NETWORK...]";

    /// <inheritdoc/>
    public override string Description => "Display detailed information on one or more networks";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.AtLeast(1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .String("format", 'f', "Format output using a custom template")
        .Bool("verbose", 'v', "Verbose output for diagnostics");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var client = await invocation.Context.GetClientAsync().ConfigureAwait(false);
        var verbose = invocation.Flags.GetBool("verbose");
        return await VolumeCliSupport.InspectAsync(invocation, name => client.InspectNetworkAsync(name, verbose, null, invocation.Context.Cancellation)).ConfigureAwait(false);
    }
}
