namespace Wharf.Cli.Parsing;

/// <summary>The flag values and positional arguments of one parsed command line.</summary>
internal sealed class ParsedFlags
{
    private readonly Dictionary<string, FlagSpec> _specs;
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public ParsedFlags(Dictionary<string, FlagSpec> specs) => _specs = specs;

    /// <summary>Arguments that are not flags, in order (everything after <c>--</c> included).</summary>
    public List<string> Positionals { get; } = [];

    /// <summary>True when the flag was given on the command line.</summary>
    public bool IsSet(string name) => _values.ContainsKey(name);

    internal void Add(string name, string value)
    {
        if (!_values.TryGetValue(name, out var list))
        {
            _values[name] = list = [];
        }
        list.Add(value);
    }

    /// <summary>The last value of a boolean flag, or its default.</summary>
    public bool GetBool(string name) => bool.Parse(Raw(name) ?? "false");

    /// <summary>The last value of a string flag, or its default (empty when none).</summary>
    public string GetString(string name) => Raw(name) ?? "";

    /// <summary>The last value of a string flag, or null when it was not given and has no default.</summary>
    public string? GetStringOrNull(string name) => Raw(name);

    /// <summary>The last value of an int flag, or its default.</summary>
    public long GetInt(string name) => long.Parse(Raw(name) ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every value given for a repeatable flag, in order.</summary>
    public IReadOnlyList<string> GetList(string name) => _values.TryGetValue(name, out var list) ? list : [];

    private string? Raw(string name)
    {
        if (_values.TryGetValue(name, out var list))
        {
            return list[^1];
        }
        if (!_specs.TryGetValue(name, out var spec))
        {
            throw new ArgumentException($"flag --{name} is not defined", nameof(name));
        }
        return spec.DefaultValue;
    }
}
