namespace Wharf.Cli.Parsing;

/// <summary>One flag a command accepts: <c>-s, --long type   usage</c>.</summary>
internal sealed record FlagSpec(string Name, char? Shorthand, FlagKind Kind, string Usage, string? DefaultValue = null, string? ValueType = null, bool Hidden = false)
{
    /// <summary>How pflag names the flag in error messages: <c>-t, --tty</c> or <c>--rm</c>.</summary>
    public string DisplayName => Shorthand is { } s ? $"-{s}, --{Name}" : $"--{Name}";

    /// <summary>The type word shown in help (<c>string</c>, <c>int</c>, <c>list</c>; nothing for bools).</summary>
    public string TypeWord => ValueType ?? Kind switch
    {
        FlagKind.Bool => "",
        FlagKind.Int => "int",
        FlagKind.StringList => "list",
        _ => "string",
    };
}
