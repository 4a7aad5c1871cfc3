using Wharf.Core.References;

namespace Wharf.Engine.Events;

/// <summary>
/// Docker's <c>/events</c> filter semantics (moby <c>daemon/events.Filter</c>): every given key must match. <c>type</c>
/// and <c>image</c> match exactly (an image also by its name without tag, and a container event by its <c>image</c>
/// attribute); <c>container</c>, <c>network</c>, <c>volume</c>, <c>daemon</c> match the actor's ID or <c>name</c> attribute
/// by prefix, and only constrain events of their own type; <c>event</c> matches the action exactly, or by prefix when a
/// value is <c>health_status</c>, <c>exec_create</c> or <c>exec_start</c>; all <c>label</c> values must hold.
/// </summary>
public sealed class EventFilter
{
    private static readonly HashSet<string> s_prefixActions = new(StringComparer.Ordinal) { "health_status", "exec_create", "exec_start" };

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _filters;

    /// <summary>Creates a filter from the decoded <c>filters</c> query parameter (key → values).</summary>
    public EventFilter(IReadOnlyDictionary<string, IReadOnlyList<string>>? filters)
    {
        _filters = filters ?? new Dictionary<string, IReadOnlyList<string>>();
    }

    /// <summary>A filter that lets everything through.</summary>
    public static EventFilter None { get; } = new(null);

    /// <summary>True when no key has a value.</summary>
    public bool IsEmpty => _filters.Values.All(v => v.Count == 0);

    /// <summary>Whether <paramref name="message"/> passes every filter.</summary>
    public bool Include(EventMessage message) =>
        MatchEvent(message.Action)
        && ExactMatch("type", message.Type)
        && ExactMatch("scope", "local")
        && FuzzyMatchName(message, EventTypes.Daemon)
        && FuzzyMatchName(message, EventTypes.Container)
        && FuzzyMatchName(message, EventTypes.Volume)
        && FuzzyMatchName(message, EventTypes.Network)
        && MatchImage(message)
        && MatchLabels(message.Attributes);

    private bool MatchEvent(string action)
    {
        var values = Values("event");
        if (values.Any(s_prefixActions.Contains))
        {
            return FuzzyMatch("event", action);
        }
        return ExactMatch("event", action);
    }

    /// <summary>
    /// moby applies these name filters to every event, so an event of another type has an empty name to match against;
    /// an ID or name filter therefore only lets through events whose actor matches.
    /// </summary>
    private bool FuzzyMatchName(EventMessage message, string type) =>
        FuzzyMatch(type, message.ActorId)
        || FuzzyMatch(type, message.Attributes.TryGetValue("name", out var name) ? name : "");

    private bool MatchImage(EventMessage message)
    {
        var values = Values("image");
        if (values.Count == 0)
        {
            return true;
        }
        var nameAttribute = message.Type == EventTypes.Image ? "name" : "image";
        var imageName = message.Attributes.TryGetValue(nameAttribute, out var n) ? n : "";
        return values.Contains(message.ActorId)
            || values.Contains(imageName)
            || values.Contains(StripTag(message.ActorId))
            || values.Contains(StripTag(imageName));
    }

    private bool MatchLabels(IReadOnlyDictionary<string, string> attributes)
    {
        var values = Values("label");
        if (values.Count == 0)
        {
            return true;
        }
        foreach (var value in values)
        {
            var eq = value.IndexOf('=');
            var key = eq < 0 ? value : value[..eq];
            if (!attributes.TryGetValue(key, out var actual))
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

    /// <summary>The familiar repository name of a reference without its tag (<c>busybox:latest</c> → <c>busybox</c>); the text itself when it is no reference.</summary>
    internal static string StripTag(string image) =>
        image.Length > 0 && !image.StartsWith("sha256:", StringComparison.Ordinal) && ImageReference.TryParse(image, out var reference)
            ? reference.FamiliarName
            : image;

    private IReadOnlyList<string> Values(string key) => _filters.TryGetValue(key, out var values) ? values : [];

    private bool ExactMatch(string key, string source)
    {
        var values = Values(key);
        return values.Count == 0 || values.Contains(source);
    }

    private bool FuzzyMatch(string key, string source)
    {
        var values = Values(key);
        return values.Count == 0 || values.Any(v => source.StartsWith(v, StringComparison.Ordinal));
    }
}
