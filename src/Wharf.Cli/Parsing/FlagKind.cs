namespace Wharf.Cli.Parsing;

/// <summary>The value type of a flag, as pflag names them.</summary>
internal enum FlagKind
{
    Bool,
    String,
    Int,
    StringList,
}
