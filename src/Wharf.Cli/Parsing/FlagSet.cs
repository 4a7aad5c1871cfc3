using System.Globalization;

namespace Wharf.Cli.Parsing;

/// <summary>
/// The flags of one command, parsed the way cobra+pflag do: <c>--flag value</c>, <c>--flag=value</c>,
/// <c>-d</c>, combined <c>-it</c>, <c>-eK=V</c>, booleans with <c>=false</c>, <c>--</c> ends flags.
/// </summary>
internal sealed class FlagSet
{
    private readonly Dictionary<string, FlagSpec> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<char, FlagSpec> _byShorthand = [];
    private readonly List<FlagSpec> _ordered = [];

    /// <summary>Every flag in definition order.</summary>
    public IReadOnlyList<FlagSpec> Flags => _ordered;

    /// <summary>Adds a flag; later definitions of the same name are an error in pflag too.</summary>
    public FlagSet Add(FlagSpec spec)
    {
        _byName.Add(spec.Name, spec);
        if (spec.Shorthand is { } s)
        {
            _byShorthand.Add(s, spec);
        }
        _ordered.Add(spec);
        return this;
    }

    /// <summary>Adds a boolean flag.</summary>
    public FlagSet Bool(string name, char? shorthand, string usage, bool defaultValue = false) =>
        Add(new FlagSpec(name, shorthand, FlagKind.Bool, usage, defaultValue ? "true" : "false"));

    /// <summary>Adds a string flag.</summary>
    public FlagSet String(string name, char? shorthand, string usage, string? defaultValue = null, string? valueType = null) =>
        Add(new FlagSpec(name, shorthand, FlagKind.String, usage, defaultValue, valueType));

    /// <summary>Adds an integer flag.</summary>
    public FlagSet Int(string name, char? shorthand, string usage, long? defaultValue = null) =>
        Add(new FlagSpec(name, shorthand, FlagKind.Int, usage, defaultValue?.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Adds a repeatable flag.</summary>
    public FlagSet List(string name, char? shorthand, string usage, string? valueType = null) =>
        Add(new FlagSpec(name, shorthand, FlagKind.StringList, usage, null, valueType));

    /// <summary>True when a flag with this shorthand exists.</summary>
    public bool HasShorthand(char c) => _byShorthand.ContainsKey(c);

    /// <summary>True when a flag with this name exists.</summary>
    public bool Has(string name) => _byName.ContainsKey(name);

    /// <summary>
    /// Parses <paramref name="args"/>. With <paramref name="interspersed"/> false, flag parsing stops at the
    /// first positional argument (as <c>docker run IMAGE CMD...</c>): that argument and everything after it are positionals.
    /// </summary>
    public ParsedFlags Parse(IReadOnlyList<string> args, bool interspersed)
    {
        var result = new ParsedFlags(_byName);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                for (var j = i + 1; j < args.Count; j++)
                {
                    result.Positionals.Add(args[j]);
                }
                break;
            }
            if (arg.Length < 2 || arg[0] != '-')
            {
                if (!interspersed)
                {
                    for (var j = i; j < args.Count; j++)
                    {
                        result.Positionals.Add(args[j]);
                    }
                    break;
                }
                result.Positionals.Add(arg);
                continue;
            }
            i = arg[1] == '-' ? ParseLong(args, i, result) : ParseShorts(args, i, result);
        }
        return result;
    }

    private int ParseLong(IReadOnlyList<string> args, int i, ParsedFlags result)
    {
        var body = args[i][2..];
        if (body.Length == 0 || body[0] == '-' || body[0] == '=')
        {
            throw new FlagParseException($"bad flag syntax: {args[i]}");
        }
        var eq = body.IndexOf('=');
        var name = eq < 0 ? body : body[..eq];
        if (!_byName.TryGetValue(name, out var spec))
        {
            throw new FlagParseException($"unknown flag: --{name}");
        }
        string value;
        if (eq >= 0)
        {
            value = body[(eq + 1)..];
        }
        else if (spec.Kind == FlagKind.Bool)
        {
            value = "true";
        }
        else if (i + 1 < args.Count)
        {
            value = args[++i];
        }
        else
        {
            throw new FlagParseException($"flag needs an argument: --{name}");
        }
        Set(spec, value, result);
        return i;
    }

    private int ParseShorts(IReadOnlyList<string> args, int i, ParsedFlags result)
    {
        var shorts = args[i][1..];
        for (var k = 0; k < shorts.Length; k++)
        {
            var c = shorts[k];
            if (!_byShorthand.TryGetValue(c, out var spec))
            {
                throw new FlagParseException($"unknown shorthand flag: '{c}' in -{shorts[k..]}");
            }
            var rest = shorts[(k + 1)..];
            if (rest.StartsWith('='))
            {
                Set(spec, rest[1..], result);
                return i;
            }
            if (spec.Kind == FlagKind.Bool)
            {
                Set(spec, "true", result);
                continue;
            }
            if (rest.Length > 0)
            {
                Set(spec, rest, result);
                return i;
            }
            if (i + 1 < args.Count)
            {
                Set(spec, args[++i], result);
                return i;
            }
            throw new FlagParseException($"flag needs an argument: '{c}' in -{c}");
        }
        return i;
    }

    private static void Set(FlagSpec spec, string value, ParsedFlags result)
    {
        switch (spec.Kind)
        {
            case FlagKind.Bool:
                if (!TryParseGoBool(value, out var b))
                {
                    throw new FlagParseException($"invalid argument \"{value}\" for \"{spec.DisplayName}\" flag: strconv.ParseBool: parsing \"{value}\": invalid syntax");
                }
                result.Add(spec.Name, b ? "true" : "false");
                break;
            case FlagKind.Int:
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                {
                    throw new FlagParseException($"invalid argument \"{value}\" for \"{spec.DisplayName}\" flag: strconv.ParseInt: parsing \"{value}\": invalid syntax");
                }
                result.Add(spec.Name, n.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                result.Add(spec.Name, value);
                break;
        }
    }

    /// <summary>Go's strconv.ParseBool.</summary>
    public static bool TryParseGoBool(string value, out bool result)
    {
        switch (value)
        {
            case "1" or "t" or "T" or "true" or "TRUE" or "True":
                result = true;
                return true;
            case "0" or "f" or "F" or "false" or "FALSE" or "False":
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }
}
