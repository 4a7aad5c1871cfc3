namespace Wharf.Daemon.Configuration;

/// <summary>Bad command line or config file; the daemon prints the message (and usage for flag errors) and exits non-zero.</summary>
public sealed class DaemonUsageException(string message, bool showUsage = false) : Exception(message)
{
    /// <summary>Whether to print the usage text after the message.</summary>
    public bool ShowUsage { get; } = showUsage;
}
