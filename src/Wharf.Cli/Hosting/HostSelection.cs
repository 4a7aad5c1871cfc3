using Wharf.Api.Client;

namespace Wharf.Cli.Hosting;

/// <summary>Picks the daemon endpoint: <c>-H/--host</c>, then <c>WHARF_HOST</c>, then <c>unix:///run/wharf/wharf.sock</c>.</summary>
internal static class HostSelection
{
    /// <summary>The environment variable that names the daemon endpoint.</summary>
    public const string HostVariable = "WHARF_HOST";

    /// <summary>Returns the endpoint and whether it is the default one (only then may the CLI start a daemon).</summary>
    public static (DockerEndpoint Endpoint, bool IsDefault) Select(IReadOnlyList<string> hostFlags, Func<string, string?> environment)
    {
        if (hostFlags.Count > 1)
        {
            throw new Commands.StatusException(1, "Specify only one -H");
        }
        if (hostFlags.Count == 1)
        {
            return (DockerEndpoint.Parse(hostFlags[0]), false);
        }
        if (environment(HostVariable) is { Length: > 0 } fromEnvironment)
        {
            return (DockerEndpoint.Parse(fromEnvironment), false);
        }
        return (DockerEndpoint.Default, true);
    }
}
