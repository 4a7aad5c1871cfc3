using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf volume inspect</c>: prints volumes as a JSON array or through <c>--format</c>.</summary>
internal sealed class VolumeInspectCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "inspect";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] VOLUME [VOLUME...]";

    /// <inheritdoc/>
    public override string Description => "Display detailed information on one or more volumes";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.AtLeast(1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .String("format", 'f', "Format output using a custom template");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var client = await invocation.Context.GetClientAsync().ConfigureAwait(false);
        return await VolumeCliSupport.InspectAsync(invocation, name => client.InspectVolumeAsync(name, invocation.Context.Cancellation)).ConfigureAwait(false);
    }
}
