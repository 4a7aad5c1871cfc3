using System.Globalization;
using System.Text;

namespace Wharf.Api.Client;

/// <summary>Builds a URL query string the way the Go client does (bools as <c>1</c>/<c>0</c>, repeated keys allowed).</summary>
public sealed class QueryBuilder
{
    private readonly StringBuilder _text = new();

    /// <summary>Adds <c>key=value</c>.</summary>
    public QueryBuilder Add(string key, string value)
    {
        _text.Append(_text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Adds <c>key=value</c> when the value is not null or empty.</summary>
    public QueryBuilder AddIfNotEmpty(string key, string? value) => string.IsNullOrEmpty(value) ? this : Add(key, value);

    /// <summary>Adds <c>key=1</c> when the flag is set (the Go client leaves false flags out).</summary>
    public QueryBuilder AddFlag(string key, bool value) => value ? Add(key, "1") : this;

    /// <summary>Adds an integer value.</summary>
    public QueryBuilder Add(string key, long value) => Add(key, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>The query including the leading <c>?</c>, or empty.</summary>
    public override string ToString() => _text.ToString();
}
