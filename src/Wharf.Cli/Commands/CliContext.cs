using Wharf.Api.Client;
using Wharf.Cli.Hosting;

namespace Wharf.Cli.Commands;

/// <summary>What a command may touch: standard streams, the environment and (lazily) the daemon connection.</summary>
internal sealed class CliContext : IDisposable
{
    private WharfClient? _client;

    /// <summary>Text output (stdout).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Error output (stderr).</summary>
    public required TextWriter Err { get; init; }

    /// <summary>Raw stdout, for container output and tar streams.</summary>
    public required Stream StdoutStream { get; init; }

    /// <summary>Raw stderr, for container output.</summary>
    public required Stream StderrStream { get; init; }

    /// <summary>Raw stdin.</summary>
    public required Stream StdinStream { get; init; }

    /// <summary>True when stdin is a terminal.</summary>
    public bool StdinIsTerminal { get; init; }

    /// <summary>True when stdout is a terminal.</summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>Reads an environment variable.</summary>
    public Func<string, string?> GetEnvironment { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The <c>-H/--host</c> values given before the command.</summary>
    public IReadOnlyList<string> HostFlags { get; set; } = [];

    /// <summary>When false the CLI never starts a daemon (tests).</summary>
    public bool AllowDaemonAutostart { get; init; } = true;

    /// <summary>
    /// When set, Ctrl-C calls this instead of cancelling (docker's <c>--sig-proxy</c>: the signal goes to the container
    /// and the CLI keeps streaming until it exits).
    /// </summary>
    public Action? InterruptHandler { get; set; }

    /// <summary>Cancelled on Ctrl-C.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Connects to the daemon (negotiating the API version), starting <c>wharfd</c> when that is allowed and needed.</summary>
    public async Task<WharfClient> GetClientAsync()
    {
        if (_client is not null)
        {
            return _client;
        }
        var (endpoint, isDefault) = HostSelection.Select(HostFlags, GetEnvironment);
        var client = new WharfClient(endpoint, GetEnvironment("WHARF_API_VERSION"));
        try
        {
            try
            {
                await client.GetPathPrefixAsync(Cancellation).ConfigureAwait(false);
            }
            catch (DaemonUnreachableException) when (isDefault && AllowDaemonAutostart && DaemonLauncher.IsRoot && DaemonLauncher.FindDaemon(GetEnvironment) is not null)
            {
                await DaemonLauncher.StartAndWaitAsync(client, Err, GetEnvironment, Cancellation).ConfigureAwait(false);
                await client.GetPathPrefixAsync(Cancellation).ConfigureAwait(false);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }
        _client = client;
        return client;
    }

    /// <summary>Closes the daemon connection.</summary>
    public void Dispose() => _client?.Dispose();
}
