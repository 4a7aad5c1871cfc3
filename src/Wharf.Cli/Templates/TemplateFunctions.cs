using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Wharf.Cli.Templates;

/// <summary>Go's builtin template functions plus docker's (<c>json</c>, <c>join</c>, <c>split</c>, <c>upper</c>, <c>lower</c>, <c>title</c>, <c>pad</c>, <c>truncate</c>).</summary>
internal static class TemplateFunctions
{
    private static readonly HashSet<string> Names =
    [
        "and", "or", "not", "len", "index", "print", "printf", "println", "eq", "ne", "lt", "le", "gt", "ge", "slice",
        "json", "join", "split", "upper", "lower", "title", "pad", "truncate", "urlquery", "html", "js",
    ];

    /// <summary>True when <paramref name="name"/> is a function templates may call.</summary>
    public static bool IsDefined(string name) => Names.Contains(name);

    /// <summary>Calls function <paramref name="name"/>; throws <see cref="InvalidOperationException"/> with Go's wording on bad arguments.</summary>
    public static object? Call(string name, IReadOnlyList<object?> args)
    {
        switch (name)
        {
            case "and":
                RequireAtLeast(name, args, 1);
                foreach (var a in args)
                {
                    if (!TemplateValues.IsTrue(a))
                    {
                        return a;
                    }
                }
                return args[^1];
            case "or":
                RequireAtLeast(name, args, 1);
                foreach (var a in args)
                {
                    if (TemplateValues.IsTrue(a))
                    {
                        return a;
                    }
                }
                return args[^1];
            case "not":
                Require(name, args, 1);
                return !TemplateValues.IsTrue(args[0]);
            case "len":
                Require(name, args, 1);
                return Length(args[0]);
            case "index":
                RequireAtLeast(name, args, 1);
                return Index(args[0], args.Skip(1).ToList());
            case "slice":
                RequireAtLeast(name, args, 1);
                return Slice(args[0], args.Skip(1).ToList());
            case "print":
                return Sprint(args);
            case "println":
                return string.Join(" ", args.Select(a => TemplateValues.ToText(a, nested: true))) + "\n";
            case "printf":
                RequireAtLeast(name, args, 1);
                return GoFormatter.Sprintf(AsString(name, args[0]), args.Skip(1).ToList());
            case "eq":
                RequireAtLeast(name, args, 2);
                return args.Skip(1).Any(b => Compare(args[0], b, equalityOnly: true) == 0);
            case "ne":
                Require(name, args, 2);
                return Compare(args[0], args[1], equalityOnly: true) != 0;
            case "lt":
                Require(name, args, 2);
                return Compare(args[0], args[1], equalityOnly: false) < 0;
            case "le":
                Require(name, args, 2);
                return Compare(args[0], args[1], equalityOnly: false) <= 0;
            case "gt":
                Require(name, args, 2);
                return Compare(args[0], args[1], equalityOnly: false) > 0;
            case "ge":
                Require(name, args, 2);
                return Compare(args[0], args[1], equalityOnly: false) >= 0;
            case "json":
                Require(name, args, 1);
                return TemplateValues.ToJson(args[0]);
            case "join":
                Require(name, args, 2);
                {
                    var list = TemplateValues.AsList(args[0]) ?? throw new InvalidOperationException($"wrong type for value; expected []string; got {TemplateValues.TypeName(args[0])}");
                    return string.Join(AsString(name, args[1]), list.Select(e => TemplateValues.ToText(e, nested: true)));
                }
            case "split":
                Require(name, args, 2);
                return AsString(name, args[0]).Split(AsString(name, args[1])).Select(s => (object?)s).ToList();
            case "upper":
                Require(name, args, 1);
                return AsString(name, args[0]).ToUpperInvariant();
            case "lower":
                Require(name, args, 1);
                return AsString(name, args[0]).ToLowerInvariant();
            case "title":
                Require(name, args, 1);
                return Title(AsString(name, args[0]));
            case "pad":
                Require(name, args, 3);
                return new string(' ', (int)AsLong(name, args[1])) + AsString(name, args[0]) + new string(' ', (int)AsLong(name, args[2]));
            case "truncate":
                Require(name, args, 2);
                {
                    var s = AsString(name, args[0]);
                    var n = (int)AsLong(name, args[1]);
                    var runes = s.EnumerateRunes().ToList();
                    return runes.Count <= n ? s : string.Concat(runes.Take(n).Select(r => r.ToString()));
                }
            case "urlquery":
                return Uri.EscapeDataString(Sprint(args)).Replace("%20", "+", StringComparison.Ordinal);
            case "html":
                return System.Net.WebUtility.HtmlEncode(Sprint(args));
            case "js":
                return System.Text.Encodings.Web.JavaScriptEncoder.Default.Encode(Sprint(args));
            default:
                throw new InvalidOperationException($"function \"{name}\" not defined");
        }
    }

    private static void Require(string name, IReadOnlyList<object?> args, int count)
    {
        if (args.Count != count)
        {
            throw new InvalidOperationException($"wrong number of args for {name}: want {count} got {args.Count}");
        }
    }

    private static void RequireAtLeast(string name, IReadOnlyList<object?> args, int count)
    {
        if (args.Count < count)
        {
            throw new InvalidOperationException($"wrong number of args for {name}: want at least {count} got {args.Count}");
        }
    }

    private static string AsString(string name, object? value) => TemplateValues.Normalize(value) switch
    {
        string s => s,
        var other => throw new InvalidOperationException($"wrong type for value; expected string; got {TemplateValues.TypeName(other)}"),
    };

    private static long AsLong(string name, object? value) => TemplateValues.Normalize(value) switch
    {
        long l => l,
        double d => (long)d,
        var other => throw new InvalidOperationException($"wrong type for value; expected int; got {TemplateValues.TypeName(other)}"),
    };

    /// <summary>Go's <c>fmt.Sprint</c>: spaces only between operands when neither is a string.</summary>
    public static string Sprint(IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < args.Count; i++)
        {
            var current = TemplateValues.Normalize(args[i]);
            if (i > 0 && current is not string && TemplateValues.Normalize(args[i - 1]) is not string)
            {
                sb.Append(' ');
            }
            sb.Append(TemplateValues.ToText(current, nested: true));
        }
        return sb.ToString();
    }

    private static long Length(object? value)
    {
        var v = TemplateValues.Normalize(value);
        return v switch
        {
            string s => Encoding.UTF8.GetByteCount(s),
            JsonArray a => a.Count,
            JsonObject o => o.Count,
            System.Collections.ICollection c => c.Count,
            IReadOnlyCollection<KeyValuePair<string, object?>> d => d.Count,
            _ => throw new InvalidOperationException($"error calling len: len of type {TemplateValues.TypeName(v)}"),
        };
    }

    private static object? Index(object? item, IReadOnlyList<object?> keys)
    {
        var current = item;
        foreach (var key in keys)
        {
            var v = TemplateValues.Normalize(current);
            var k = TemplateValues.Normalize(key);
            switch (v)
            {
                case JsonObject obj:
                    current = k is string ks && obj.TryGetPropertyValue(ks, out var node) ? node : TemplateMissing.Value;
                    if (k is not string)
                    {
                        throw new InvalidOperationException($"error calling index: value has type {TemplateValues.TypeName(k)}; should be string");
                    }
                    break;
                case IReadOnlyDictionary<string, object?> dict:
                    current = k is string ds && dict.TryGetValue(ds, out var dv) ? dv : TemplateMissing.Value;
                    break;
                case null or TemplateMissing:
                    throw new InvalidOperationException("error calling index: index of untyped nil");
                default:
                    var list = TemplateValues.AsList(v) ?? throw new InvalidOperationException($"error calling index: can't index item of type {TemplateValues.TypeName(v)}");
                    if (k is not long i)
                    {
                        throw new InvalidOperationException($"error calling index: cannot index slice/array with type {TemplateValues.TypeName(k)}");
                    }
                    if (i < 0 || i >= list.Count)
                    {
                        throw new InvalidOperationException($"error calling index: index out of range: {i}");
                    }
                    current = list[(int)i];
                    break;
            }
        }
        return current;
    }

    private static object? Slice(object? item, IReadOnlyList<object?> indexes)
    {
        var v = TemplateValues.Normalize(item);
        var bounds = indexes.Select(i => TemplateValues.Normalize(i) is long l ? (int)l : throw new InvalidOperationException("error calling slice: cannot index slice/array with nil")).ToList();
        if (v is string s)
        {
            var start = bounds.Count > 0 ? bounds[0] : 0;
            var end = bounds.Count > 1 ? bounds[1] : s.Length;
            if (start < 0 || end > s.Length || start > end)
            {
                throw new InvalidOperationException($"error calling slice: index out of range: {end}");
            }
            return s[start..end];
        }
        var list = TemplateValues.AsList(v) ?? throw new InvalidOperationException($"error calling slice: can't slice item of type {TemplateValues.TypeName(v)}");
        var from = bounds.Count > 0 ? bounds[0] : 0;
        var to = bounds.Count > 1 ? bounds[1] : list.Count;
        if (from < 0 || to > list.Count || from > to)
        {
            throw new InvalidOperationException($"error calling slice: index out of range: {to}");
        }
        return list.Skip(from).Take(to - from).ToList();
    }

    private static int Compare(object? a, object? b, bool equalityOnly)
    {
        var x = TemplateValues.Normalize(a);
        var y = TemplateValues.Normalize(b);
        switch (x, y)
        {
            case (long l1, long l2):
                return l1.CompareTo(l2);
            case (long or double, long or double):
                return Convert.ToDouble(x, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(y, CultureInfo.InvariantCulture));
            case (string s1, string s2):
                return string.CompareOrdinal(s1, s2);
            case (bool b1, bool b2) when equalityOnly:
                return b1 == b2 ? 0 : 1;
            case (null or TemplateMissing, null or TemplateMissing) when equalityOnly:
                return 0;
            case (null or TemplateMissing, _) or (_, null or TemplateMissing) when equalityOnly:
                return 1;
            default:
                throw new InvalidOperationException(equalityOnly ? "error calling eq: incompatible types for comparison" : "error calling lt: incompatible types for comparison");
        }
    }

    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var previousIsLetter = false;
        foreach (var c in s)
        {
            sb.Append(!previousIsLetter ? char.ToUpperInvariant(c) : c);
            previousIsLetter = char.IsLetterOrDigit(c) || c == '_' || c == '\'';
        }
        return sb.ToString();
    }
}
