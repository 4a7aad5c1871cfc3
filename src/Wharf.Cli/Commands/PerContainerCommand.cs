using Wharf.Api.Client;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary>A verb applied to each named container in turn (stop, restart, pause, unpause, kill): prints each argument that succeeded, exits 1 if any failed.</summary>
internal abstract class PerContainerCommand : PerTargetCommand
{
    /// <inheritdoc/>
    public override string Usage => "CONTAINER [CONTAINER...]";

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags)
    {
    }

    /// <summary>Applies the verb to one container.</summary>
    protected abstract Task ActAsync(WharfClient client, string container, ParsedFlags flags, CancellationToken ct);

    /// <inheritdoc/>
    protected sealed override async Task<string?> ApplyAsync(WharfClient client, string target, ParsedFlags flags, CancellationToken ct)
    {
        await ActAsync(client, target, flags, ct).ConfigureAwait(false);
        return target;
    }
}
