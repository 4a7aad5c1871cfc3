using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wharf.Cli.Templates;

/// <summary>
/// How template data behaves: JSON nodes are unwrapped to strings, numbers (long or double) and bools;
/// objects and dictionaries act as Go maps, arrays and lists as Go slices.
/// </summary>
internal static class TemplateValues
{
    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Unwraps a JSON scalar into its CLR value.</summary>
    public static object? Normalize(object? value)
    {
        if (value is JsonValue json)
        {
            switch (json.GetValueKind())
            {
                case JsonValueKind.String:
                    return json.GetValue<string>();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.Number:
                    if (json.TryGetValue<long>(out var l))
                    {
                        return l;
                    }
                    if (json.TryGetValue<double>(out var d))
                    {
                        return IsIntegral(d) ? (long)d : d;
                    }
                    var text = json.ToJsonString();
                    return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out l) ? l
                        : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) is var dd && IsIntegral(dd) ? (long)dd : dd;
            }
        }
        return value switch
        {
            int i => (long)i,
            uint u => (long)u,
            float f => (double)f,
            _ => value,
        };
    }

    private static bool IsIntegral(double d) => Math.Abs(d) < 9e15 && Math.Floor(d) == d;

    /// <summary>Go's notion of truth: false, 0, nil, empty string, slice or map are false.</summary>
    public static bool IsTrue(object? value) => Normalize(value) switch
    {
        null or TemplateMissing => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s => s.Length > 0,
        JsonArray a => a.Count > 0,
        JsonObject o => o.Count > 0,
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };

    /// <summary>Formats like Go's <c>fmt.Sprint</c> (<c>%v</c>) does for decoded JSON.</summary>
    public static string ToText(object? value, bool nested = false)
    {
        value = Normalize(value);
        switch (value)
        {
            case null:
                return nested ? "<nil>" : "<no value>";
            case TemplateMissing:
                return "<no value>";
            case string s:
                return s;
            case bool b:
                return b ? "true" : "false";
            case long l:
                return l.ToString(CultureInfo.InvariantCulture);
            case double d:
                return FormatFloat(d);
            case JsonArray array:
                return "[" + string.Join(" ", array.Select(e => ToText(e, nested: true))) + "]";
            case JsonObject obj:
                return "map[" + string.Join(" ", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + ToText(p.Value, nested: true))) + "]";
            case IReadOnlyDictionary<string, object?> dict:
                return "map[" + string.Join(" ", dict.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + ToText(p.Value, nested: true))) + "]";
            case System.Collections.IEnumerable list:
                return "[" + string.Join(" ", list.Cast<object?>().Select(e => ToText(e, nested: true))) + "]";
            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }
    }

    /// <summary>Go's <c>%v</c> for a float64: shortest representation, exponent form from 1e21.</summary>
    public static string FormatFloat(double d)
    {
        if (double.IsPositiveInfinity(d))
        {
            return "+Inf";
        }
        if (double.IsNegativeInfinity(d))
        {
            return "-Inf";
        }
        if (double.IsNaN(d))
        {
            return "NaN";
        }
        var abs = Math.Abs(d);
        if (abs != 0 && (abs < 1e-4 || abs >= 1e21))
        {
            return GoExponent(d);
        }
        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    private static string GoExponent(double d)
    {
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        if (!r.Contains('E', StringComparison.Ordinal))
        {
            r = d.ToString("0.################E+0", CultureInfo.InvariantCulture);
        }
        var e = r.IndexOf('E', StringComparison.Ordinal);
        var mantissa = r[..e];
        var exp = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return mantissa + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Docker's <c>json</c> function: compact JSON without HTML escaping.</summary>
    public static string ToJson(object? value)
    {
        var node = ToNode(value);
        return node is null ? "null" : node.ToJsonString(RelaxedJson);
    }

    private static JsonNode? ToNode(object? value)
    {
        value = value is JsonNode n ? n : Normalize(value);
        return value switch
        {
            null or TemplateMissing => null,
            JsonNode node => node.DeepClone(),
            string s => JsonValue.Create(s),
            bool b => JsonValue.Create(b),
            long l => JsonValue.Create(l),
            double d => JsonValue.Create(d),
            IReadOnlyDictionary<string, object?> dict => new JsonObject(dict.Where(p => p.Value is not TemplateMethod).Select(p => KeyValuePair.Create(p.Key, ToNode(p.Value)))),
            System.Collections.IEnumerable list => new JsonArray(list.Cast<object?>().Select(ToNode).ToArray()),
            _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
        };
    }

    /// <summary>Go's type name for error messages.</summary>
    public static string TypeName(object? value) => Normalize(value) switch
    {
        null or TemplateMissing => "<nil>",
        string => "string",
        bool => "bool",
        long => "float64",
        double => "float64",
        JsonArray or System.Collections.IList => "[]interface {}",
        JsonObject or IReadOnlyDictionary<string, object?> => "map[string]interface {}",
        _ => "interface {}",
    };

    /// <summary>The elements of a slice-like value, or null when it is not one.</summary>
    public static IReadOnlyList<object?>? AsList(object? value) => Normalize(value) switch
    {
        JsonArray array => array.Select(e => (object?)e).ToList(),
        string => null,
        IReadOnlyList<object?> list => list,
        System.Collections.IEnumerable e and not IReadOnlyDictionary<string, object?> and not JsonObject => e.Cast<object?>().ToList(),
        _ => null,
    };

    /// <summary>The sorted entries of a map-like value, or null when it is not one.</summary>
    public static IReadOnlyList<KeyValuePair<string, object?>>? AsMap(object? value) => Normalize(value) switch
    {
        JsonObject obj => obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (object?)p.Value)).ToList(),
        IReadOnlyDictionary<string, object?> dict => dict.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
        _ => null,
    };

    /// <summary>Appends <paramref name="s"/> quoted as Go's <c>strconv.Quote</c> does.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var rune in s.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (rune.Value < 0x20 || rune.Value == 0x7f)
                    {
                        sb.Append("\\x").Append(rune.Value.ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(rune.ToString());
                    }
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
