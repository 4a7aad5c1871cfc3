using Wharf.Api.Client;

namespace Wharf.Cli.Commands;

/// <summary>Runs an action for each argument of a multi-target command, reporting each failure on stderr (docker continues past errors and exits 1).</summary>
internal static class PerTarget
{
    /// <summary>Runs <paramref name="action"/> for every target; returns true when all succeeded.</summary>
    public static async Task<bool> RunAsync(IEnumerable<string> targets, Func<string, Task> action, CliContext context)
    {
        var ok = true;
        foreach (var target in targets)
        {
            try
            {
                await action(target).ConfigureAwait(false);
            }
            catch (DaemonErrorException e)
            {
                await context.Out.FlushAsync().ConfigureAwait(false);
                context.Err.WriteLine("Error response from daemon: " + e.Message);
                ok = false;
            }
        }
        return ok;
    }
}
