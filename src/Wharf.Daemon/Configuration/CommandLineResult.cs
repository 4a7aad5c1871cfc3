namespace Wharf.Daemon.Configuration;

/// <summary>What the command line asked for.</summary>
/// <param name="Options">Options from the flags (defaults elsewhere).</param>
/// <param name="SetKeys">daemon.json keys the flags set (for conflict detection).</param>
/// <param name="ShowHelp"><c>--help</c> was given.</param>
/// <param name="ShowVersion"><c>--version</c> was given.</param>
public sealed record CommandLineResult(DaemonOptions Options, IReadOnlyDictionary<string, string> SetKeys, bool ShowHelp, bool ShowVersion);
