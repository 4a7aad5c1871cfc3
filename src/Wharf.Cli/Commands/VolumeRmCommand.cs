using Wharf.Api.Client;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf volume rm</c>: removes volumes, printing each one removed.</summary>
internal sealed class VolumeRmCommand : PerTargetCommand
{
    /// <inheritdoc/>
    public override string Name => "rm";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] VOLUME [VOLUME...]";

    /// <inheritdoc/>
    public override string Description => "Remove one or more volumes";

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("force", 'f', "Force the removal of one or more volumes");

    /// <inheritdoc/>
    protected override async Task<string?> ApplyAsync(WharfClient client, string target, ParsedFlags flags, CancellationToken ct)
    {
        await client.RemoveVolumeAsync(target, flags.GetBool("force"), ct).ConfigureAwait(false);
        return target;
    }
}
