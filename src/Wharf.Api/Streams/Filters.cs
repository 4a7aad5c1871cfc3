using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wharf.Api.Json;
using Wharf.Core.Errors;

namespace Wharf.Api.Streams;

/// <summary>
/// Docker's <c>filters</c> query parameter and its matching semantics (moby's <c>filters.Args</c>). Decodes both
/// encodings — the Go CLI's <c>{"label":{"a=b":true}}</c> and docker-py/dockerode's <c>{"label":["a=b"]}</c> — and
/// encodes the first. Several <c>label</c> values are ANDed (<see cref="MatchKeyValueList"/>); other keys OR their values.
/// </summary>
public sealed class Filters
{
    private readonly Dictionary<string, HashSet<string>> _fields = new(StringComparer.Ordinal);

    /// <summary>Creates an empty filter set.</summary>
    public Filters()
    {
    }

    /// <summary>Filter names in use.</summary>
    public IEnumerable<string> Keys => _fields.Keys;

    /// <summary>Number of filter names in use.</summary>
    public int Count => _fields.Count;

    /// <summary>Adds a value for <paramref name="key"/>.</summary>
    public Filters Add(string key, string value)
    {
        if (!_fields.TryGetValue(key, out var values))
        {
            values = new HashSet<string>(StringComparer.Ordinal);
            _fields[key] = values;
        }
        values.Add(value);
        return this;
    }

    /// <summary>Whether any value is given for <paramref name="key"/>.</summary>
    public bool Contains(string key) => _fields.ContainsKey(key);

    /// <summary>The values of <paramref name="key"/> (empty when absent), sorted for stable output.</summary>
    public IReadOnlyList<string> Get(string key) =>
        _fields.TryGetValue(key, out var values) ? values.Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>Parses the query value; null or empty gives an empty set. Throws <see cref="InvalidArgumentException"/> on malformed JSON.</summary>
    public static Filters Parse(string? json)
    {
        var filters = new Filters();
        if (string.IsNullOrWhiteSpace(json))
        {
            return filters;
        }
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind == JsonValueKind.Null)
            {
                return filters;
            }
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidArgumentException("invalid filter: filters must be a JSON object");
            }
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.Object:
                        foreach (var value in property.Value.EnumerateObject())
                        {
                            // The Go encoding only ever uses true; a false entry is not a value.
                            if (value.Value.ValueKind != JsonValueKind.False)
                            {
                                filters.Add(property.Name, value.Name);
                            }
                        }
                        filters.EnsureKey(property.Name);
                        break;
                    case JsonValueKind.Array:
                        foreach (var value in property.Value.EnumerateArray())
                        {
                            if (value.ValueKind != JsonValueKind.String)
                            {
                                throw new InvalidArgumentException($"invalid filter '{property.Name}': values must be strings");
                            }
                            filters.Add(property.Name, value.GetString()!);
                        }
                        filters.EnsureKey(property.Name);
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        throw new InvalidArgumentException($"invalid filter '{property.Name}': expected a list or map of values");
                }
            }
        }
        catch (JsonException e)
        {
            throw new InvalidArgumentException("invalid filter: " + e.Message, e);
        }
        return filters;
    }

    /// <summary>Encodes like the Go CLI (<c>{"key":{"value":true}}</c>); an empty set encodes as an empty string.</summary>
    public string ToJson()
    {
        if (_fields.Count == 0)
        {
            return "";
        }
        var map = _fields.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(
            f => f.Key,
            f => f.Value.Order(StringComparer.Ordinal).ToDictionary(v => v, _ => true, StringComparer.Ordinal),
            StringComparer.Ordinal);
        return JsonSerializer.Serialize(map, WharfApiJsonContext.Default.DictionaryStringDictionaryStringBoolean);
    }

    /// <summary>Throws <c>invalid filter 'name'</c> (400) for any key not in <paramref name="accepted"/>.</summary>
    public void Validate(params string[] accepted)
    {
        foreach (var key in _fields.Keys)
        {
            if (!accepted.Contains(key, StringComparer.Ordinal))
            {
                throw new InvalidArgumentException($"invalid filter '{key}'");
            }
        }
    }

    /// <summary>True when <paramref name="key"/> has no values, or one of them equals <paramref name="source"/>.</summary>
    public bool ExactMatch(string key, string source) =>
        !_fields.TryGetValue(key, out var values) || values.Count == 0 || values.Contains(source);

    /// <summary>True when <paramref name="key"/> has no values, or one equals or is a prefix of <paramref name="source"/>.</summary>
    public bool FuzzyMatch(string key, string source) =>
        !_fields.TryGetValue(key, out var values) || values.Count == 0
        || values.Any(v => source.StartsWith(v, StringComparison.Ordinal));

    /// <summary>True when <paramref name="key"/> has no values, or one of them, as a regular expression, matches part of <paramref name="source"/> (moby's <c>Match</c>).</summary>
    public bool Match(string key, string source)
    {
        if (!_fields.TryGetValue(key, out var values) || values.Count == 0)
        {
            return true;
        }
        foreach (var value in values)
        {
            try
            {
                if (Regex.IsMatch(source, value, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
                // An invalid pattern matches nothing, as in moby.
            }
        }
        return false;
    }

    /// <summary>
    /// Label semantics: true when <paramref name="key"/> has no values; otherwise every value (<c>k</c> or <c>k=v</c>)
    /// must be satisfied by <paramref name="sources"/> — values are ANDed.
    /// </summary>
    public bool MatchKeyValueList(string key, IReadOnlyDictionary<string, string>? sources)
    {
        if (!_fields.TryGetValue(key, out var values) || values.Count == 0)
        {
            return true;
        }
        if (sources is null || sources.Count == 0)
        {
            return false;
        }
        foreach (var value in values)
        {
            var eq = value.IndexOf('=');
            var name = eq < 0 ? value : value[..eq];
            if (!sources.TryGetValue(name, out var actual))
            {
                return false;
            }
            if (eq >= 0 && actual != value[(eq + 1)..])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// A boolean filter (e.g. <c>dangling</c>): <paramref name="defaultValue"/> when absent; <c>true</c>/<c>1</c> or <c>false</c>/<c>0</c>
    /// (any case) otherwise. Throws <see cref="InvalidArgumentException"/> for several or unknown values.
    /// </summary>
    public bool GetBoolOrDefault(string key, bool defaultValue)
    {
        if (!_fields.TryGetValue(key, out var values) || values.Count == 0)
        {
            return defaultValue;
        }
        if (values.Count > 1)
        {
            throw new InvalidArgumentException($"invalid filter '{key}={string.Join(',', Get(key))}'");
        }
        var v = values.First();
        if (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1")
        {
            return true;
        }
        if (v.Equals("false", StringComparison.OrdinalIgnoreCase) || v == "0")
        {
            return false;
        }
        throw new InvalidArgumentException($"invalid filter '{key}={v}'");
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var key in _fields.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var value in Get(key))
            {
                sb.Append(sb.Length == 0 ? "" : " ").Append(key).Append('=').Append(value);
            }
        }
        return sb.ToString();
    }

    private void EnsureKey(string key)
    {
        if (!_fields.ContainsKey(key))
        {
            _fields[key] = new HashSet<string>(StringComparer.Ordinal);
        }
    }
}
