using System.Globalization;
using System.Text.RegularExpressions;
using Wharf.Core.Errors;
using Wharf.Engine.Images;

namespace Wharf.Engine.Containers;

/// <summary>Applies <c>ps</c> options and filters to containers the way Docker's daemon does.</summary>
public sealed class ContainerListFilter
{
    private static readonly HashSet<string> AcceptedKeys =
        ["ancestor", "before", "exited", "health", "id", "label", "name", "network", "publish", "expose", "since", "status", "volume", "is-task"];

    private static readonly HashSet<string> StatusValues = ["created", "restarting", "running", "removing", "paused", "exited", "dead"];

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _filters;
    private readonly HashSet<int> _exited = [];
    private readonly HashSet<string>? _ancestors;
    private readonly DateTimeOffset? _before;
    private readonly DateTimeOffset? _since;
    private readonly bool _all;
    private readonly int _limit;

    /// <summary>Validates the filters; <paramref name="resolve"/> finds before/since containers, <paramref name="images"/> resolves ancestors.</summary>
    public ContainerListFilter(ContainerListOptions options, Func<string, ContainerRecord> resolve, IImageStore? images)
    {
        _filters = options.Filters;
        _all = options.All || options.Latest || options.Limit > 0;
        _limit = options.Latest ? 1 : Math.Max(options.Limit, 0);
        foreach (var (key, values) in _filters)
        {
            if (!AcceptedKeys.Contains(key))
            {
                throw new InvalidArgumentException($"invalid filter '{key}'");
            }
            foreach (var value in values)
            {
                switch (key)
                {
                    case "status" when !StatusValues.Contains(value):
                        throw new InvalidArgumentException($"invalid filter 'status={value}'");
                    case "status":
                        _all = true;
                        break;
                    case "exited":
                        _exited.Add(int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
                            ? code
                            : throw new InvalidArgumentException($"invalid filter 'exited={value}'"));
                        break;
                    case "before":
                        _before = resolve(value).Created;
                        break;
                    case "since":
                        _since = resolve(value).Created;
                        break;
                    case "ancestor":
                        _ancestors ??= [];
                        AddAncestor(_ancestors, value, images);
                        break;
                }
            }
        }
    }

    /// <summary>The matching containers of <paramref name="newestFirst"/>, limited, in the same order.</summary>
    public IReadOnlyList<ContainerRecord> Apply(IEnumerable<ContainerRecord> newestFirst)
    {
        var result = new List<ContainerRecord>();
        foreach (var container in newestFirst)
        {
            if (_since is { } since && container.Created <= since)
            {
                continue;
            }
            if (_before is { } before && container.Created >= before)
            {
                continue;
            }
            if (!Matches(container))
            {
                continue;
            }
            result.Add(container);
            if (_limit > 0 && result.Count == _limit)
            {
                break;
            }
        }
        return result;
    }

    /// <summary>Whether one container passes the state and filter checks (ignoring limit, before and since).</summary>
    public bool Matches(ContainerRecord container)
    {
        var labels = container.Config.Labels ?? new Dictionary<string, string>();
        if (_filters.TryGetValue("label", out var labelFilters) && !labelFilters.All(f => LabelMatches(f, labels)))
        {
            return false;
        }
        if (!_all && !container.State.Running)
        {
            return false;
        }
        if (_exited.Count > 0 && (container.State.Running || container.State.StartedAt is null || !_exited.Contains(container.State.ExitCode)))
        {
            return false;
        }
        return AnyMatches("status", v => v == container.State.Status.ToDockerString())
            && AnyMatches("name", v => RegexMatches(v, container.DockerName) || RegexMatches(v, container.Name))
            && AnyMatches("id", v => RegexMatches(v, container.Id))
            && AnyMatches("network", v => v == container.HostConfig.NetworkMode)
            && AnyMatches("is-task", v => v is "false" or "0")
            && AnyMatches("health", v => v == (container.State.Health?.Status ?? Health.HealthStatus.None))
            && AnyMatches("volume", v => (container.HostConfig.Binds ?? []).Any(b => BindMatches(b, v)))
            && AnyMatches("publish", _ => false)
            && AnyMatches("expose", v => container.Config.ExposedPorts?.Any(p => p == v || p == v + "/tcp") == true)
            && (_ancestors is null || _ancestors.Contains(container.ImageId));
    }

    /// <summary><c>key</c> matches when the label exists, <c>key=value</c> when it has that value.</summary>
    public static bool LabelMatches(string filter, IReadOnlyDictionary<string, string> labels)
    {
        var equals = filter.IndexOf('=');
        if (equals < 0)
        {
            return labels.ContainsKey(filter);
        }
        return labels.TryGetValue(filter[..equals], out var value) && value == filter[(equals + 1)..];
    }

    private static bool BindMatches(string bind, string value)
    {
        var parts = bind.Split(':');
        return parts.Length >= 2 && (parts[0] == value || parts[1] == value);
    }

    private bool AnyMatches(string key, Func<string, bool> predicate) =>
        !_filters.TryGetValue(key, out var values) || values.Count == 0 || values.Any(predicate);

    /// <summary>Docker matches name and id filters as unanchored regular expressions (an exact match also counts).</summary>
    private static bool RegexMatches(string pattern, string value)
    {
        if (pattern == value)
        {
            return true;
        }
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void AddAncestor(HashSet<string> ancestors, string value, IImageStore? images)
    {
        var image = images?.TryResolve(value);
        if (image is null)
        {
            return;
        }
        ancestors.Add(image.Id.ToString());
        // Images built on top of the ancestor count too (Docker walks the local parent chain).
        var all = images!.List();
        var added = true;
        while (added)
        {
            added = false;
            foreach (var candidate in all)
            {
                if (candidate.Parent is { } parent && ancestors.Contains(parent.ToString()) && ancestors.Add(candidate.Id.ToString()))
                {
                    added = true;
                }
            }
        }
    }
}
