using System.Text.RegularExpressions;
using Wharf.Core.Errors;

namespace Wharf.Engine.Networks;

/// <summary>
/// Docker's <c>GET /networks</c> filters: <c>name</c> (regular expression, partial), <c>id</c> (prefix), <c>label</c>
/// (all must match), <c>driver</c>, <c>scope</c>, <c>type</c> (<c>builtin</c>/<c>custom</c>), <c>dangling</c>.
/// Several values of one key are ORed.
/// </summary>
public sealed class NetworkListFilter
{
    private static readonly string[] Accepted = ["name", "id", "label", "driver", "scope", "type", "dangling"];
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _filters;
    private readonly bool? _dangling;

    /// <summary>Validates the filters (unknown keys, bad <c>type</c>/<c>dangling</c> values give 400).</summary>
    public NetworkListFilter(IReadOnlyDictionary<string, IReadOnlyList<string>>? filters)
    {
        _filters = filters ?? new Dictionary<string, IReadOnlyList<string>>();
        foreach (var key in _filters.Keys.Where(k => !Accepted.Contains(k)))
        {
            throw new InvalidArgumentException($"invalid filter '{key}'");
        }
        foreach (var type in Values("type").Where(t => t is not ("builtin" or "custom")))
        {
            throw new InvalidArgumentException($"invalid filter: 'type'='{type}'");
        }
        var dangling = Values("dangling");
        if (dangling.Count > 1)
        {
            throw new InvalidArgumentException($"invalid filter 'dangling={string.Join(',', dangling)}'");
        }
        if (dangling.Count == 1)
        {
            _dangling = dangling[0].ToLowerInvariant() switch
            {
                "true" or "1" => true,
                "false" or "0" => false,
                _ => throw new InvalidArgumentException($"invalid filter 'dangling={dangling[0]}'"),
            };
        }
    }

    /// <summary>Whether <paramref name="network"/> passes; <paramref name="inUse"/> tells whether it has endpoints.</summary>
    public bool Matches(NetworkRecord network, bool inUse)
    {
        if (Values("name") is { Count: > 0 } names && !names.Any(n => RegexMatch(network.Name, n)))
        {
            return false;
        }
        if (Values("id") is { Count: > 0 } ids && !ids.Any(i => network.Id.StartsWith(i, StringComparison.Ordinal)))
        {
            return false;
        }
        if (Values("driver") is { Count: > 0 } drivers && !drivers.Contains(network.Driver))
        {
            return false;
        }
        if (Values("scope") is { Count: > 0 } scopes && !scopes.Contains(network.Scope))
        {
            return false;
        }
        if (Values("type") is { Count: > 0 } types && !types.Contains(network.Predefined ? "builtin" : "custom"))
        {
            return false;
        }
        if (_dangling is { } dangling && dangling != (!inUse && !network.Predefined))
        {
            return false;
        }
        return LabelsMatch(network.Labels, Values("label"));
    }

    /// <summary>Label semantics shared with prune: every <c>k</c> or <c>k=v</c> must hold.</summary>
    public static bool LabelsMatch(IReadOnlyDictionary<string, string> labels, IReadOnlyList<string> wanted)
    {
        foreach (var value in wanted)
        {
            var eq = value.IndexOf('=');
            var key = eq < 0 ? value : value[..eq];
            if (!labels.TryGetValue(key, out var actual) || (eq >= 0 && actual != value[(eq + 1)..]))
            {
                return false;
            }
        }
        return true;
    }

    private IReadOnlyList<string> Values(string key) => _filters.TryGetValue(key, out var values) ? values : [];

    private static bool RegexMatch(string source, string pattern)
    {
        try
        {
            return Regex.IsMatch(source, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
