namespace Wharf.Daemon.Http;

/// <summary>
/// The API's routes: method + path pattern (<c>/containers/{id}/start</c>; <c>{name*}</c> takes the rest of the path,
/// slashes included, for image names). Routers add to it; the pipeline looks requests up after stripping <c>/v1.NN</c>.
/// </summary>
public sealed class RouteTable
{
    private readonly List<Route> _routes = [];

    /// <summary>Adds a route.</summary>
    public RouteTable Map(string method, string pattern, ApiHandler handler)
    {
        _routes.Add(new Route(method, pattern.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries), handler));
        return this;
    }

    /// <summary>Adds a GET route.</summary>
    public RouteTable Get(string pattern, ApiHandler handler) => Map(HttpMethods.Get, pattern, handler);

    /// <summary>Adds a POST route.</summary>
    public RouteTable Post(string pattern, ApiHandler handler) => Map(HttpMethods.Post, pattern, handler);

    /// <summary>Adds a DELETE route.</summary>
    public RouteTable Delete(string pattern, ApiHandler handler) => Map(HttpMethods.Delete, pattern, handler);

    /// <summary>Adds a HEAD route.</summary>
    public RouteTable Head(string pattern, ApiHandler handler) => Map(HttpMethods.Head, pattern, handler);

    /// <summary>Adds a PUT route.</summary>
    public RouteTable Put(string pattern, ApiHandler handler) => Map(HttpMethods.Put, pattern, handler);

    /// <summary>Finds the route for a request; literal segments win over parameters, earlier routes over later ones.</summary>
    public bool TryMatch(string method, string path, out ApiHandler handler, out IReadOnlyDictionary<string, string> values)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        Route? best = null;
        Dictionary<string, string>? bestValues = null;
        var bestScore = -1;
        foreach (var route in _routes)
        {
            if (!string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var captured = new Dictionary<string, string>(StringComparer.Ordinal);
            if (route.TryMatch(segments, captured, out var score) && score > bestScore)
            {
                best = route;
                bestValues = captured;
                bestScore = score;
            }
        }
        handler = best?.Handler!;
        values = bestValues ?? new Dictionary<string, string>();
        return best is not null;
    }

    private sealed record Route(string Method, string[] Pattern, ApiHandler Handler)
    {
        public bool TryMatch(string[] segments, Dictionary<string, string> values, out int score)
        {
            score = 0;
            for (var i = 0; i < Pattern.Length; i++)
            {
                var p = Pattern[i];
                if (p.StartsWith('{') && p.EndsWith("*}", StringComparison.Ordinal))
                {
                    if (i >= segments.Length)
                    {
                        return false;
                    }
                    // A catch-all may be followed by literal suffix segments (/images/{name*}/json).
                    var suffix = Pattern.Length - i - 1;
                    if (segments.Length - i - suffix < 1)
                    {
                        return false;
                    }
                    for (var j = 0; j < suffix; j++)
                    {
                        if (!string.Equals(Pattern[i + 1 + j], segments[segments.Length - suffix + j], StringComparison.Ordinal))
                        {
                            return false;
                        }
                    }
                    values[p[1..^2]] = Uri.UnescapeDataString(string.Join('/', segments[i..(segments.Length - suffix)]));
                    score += suffix * 2;
                    return true;
                }
                if (i >= segments.Length)
                {
                    return false;
                }
                if (p.StartsWith('{') && p.EndsWith('}'))
                {
                    values[p[1..^1]] = Uri.UnescapeDataString(segments[i]);
                    score += 1;
                }
                else if (string.Equals(p, segments[i], StringComparison.Ordinal))
                {
                    score += 2;
                }
                else
                {
                    return false;
                }
            }
            return segments.Length == Pattern.Length;
        }
    }
}
