namespace Wharf.Cli.Parsing;

/// <summary>A command line that pflag would reject (unknown flag, missing or bad value); the CLI exits 125.</summary>
internal sealed class FlagParseException(string message) : Exception(message);
