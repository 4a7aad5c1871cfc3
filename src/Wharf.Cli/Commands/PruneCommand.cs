using Wharf.Api.Streams;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary>
/// The <c>prune</c> verbs (container, image, network, volume, system): <c>--filter</c>, the confirmation that <c>-f</c>
/// skips, each kind's "Deleted …:" listing followed by a blank line, and "Total reclaimed space" where docker prints it.
/// </summary>
internal abstract class PruneCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "prune";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS]";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.None;

    /// <summary>The help of <c>-a/--all</c>, or null when the kind has no such flag.</summary>
    protected virtual string? AllFlagHelp => null;

    /// <summary>The example in the help of <c>--filter</c>.</summary>
    protected virtual string FilterExample => "until=<timestamp>";

    /// <summary>False where docker prints no "Total reclaimed space" (networks hold no space).</summary>
    protected virtual bool PrintsReclaimedSpace => true;

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags)
    {
        if (AllFlagHelp is not null)
        {
            flags.Bool("all", 'a', AllFlagHelp);
        }
        flags
            .List("filter", null, $"Provide filter values (e.g. \"{FilterExample}\")", valueType: "filter")
            .Bool("force", 'f', "Do not prompt for confirmation");
        DefineMoreFlags(flags);
    }

    /// <summary>Flags of the kind that docker lists after <c>--force</c>.</summary>
    protected virtual void DefineMoreFlags(FlagSet flags)
    {
    }

    /// <summary>docker's confirmation text; may add the kind's own filters, or refuse the flags with a <see cref="StatusException"/>.</summary>
    protected abstract string Confirmation(ParsedFlags flags, Filters filters);

    /// <summary>The prune requests to make, in docker's order; each one's listing is printed as soon as it returns.</summary>
    protected abstract IEnumerable<PruneCall> Calls(ParsedFlags flags);

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var flags = invocation.Flags;
        var filters = FilterArguments.Parse(flags.GetList("filter"));
        var warning = Confirmation(flags, filters);
        if (!flags.GetBool("force") && !await VolumeCliSupport.ConfirmAsync(context, warning).ConfigureAwait(false))
        {
            return 0;
        }
        var client = await context.GetClientAsync().ConfigureAwait(false);
        long reclaimed = 0;
        foreach (var call in Calls(flags))
        {
            var report = await call(client, filters, flags, context.Cancellation).ConfigureAwait(false);
            reclaimed += report.Reclaimed;
            if (report.Listing.Length > 0)
            {
                invocation.Out.WriteLine(report.Listing);
            }
        }
        if (PrintsReclaimedSpace)
        {
            invocation.Out.WriteLine("Total reclaimed space: " + Wharf.Core.Units.ByteSizes.HumanSize(reclaimed));
        }
        return 0;
    }
}
