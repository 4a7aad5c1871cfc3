namespace Wharf.Api.Streams;

/// <summary>Docker's query-string booleans: <c>""</c>, <c>0</c>, <c>no</c>, <c>false</c>, <c>none</c> (any case) are false, anything else true.</summary>
public static class QueryBool
{
    /// <summary>Parses a present value like moby's <c>httputils.BoolValue</c>; a missing value (null) is false.</summary>
    public static bool Parse(string? value)
    {
        if (value is null)
        {
            return false;
        }
        var v = value.Trim();
        return !(v.Length == 0
            || v == "0"
            || v.Equals("no", StringComparison.OrdinalIgnoreCase)
            || v.Equals("false", StringComparison.OrdinalIgnoreCase)
            || v.Equals("none", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Like moby's <c>BoolValueOrDefault</c>: <paramref name="defaultValue"/> when the key is absent or empty, else <see cref="Parse"/>.</summary>
    public static bool ParseOrDefault(string? value, bool defaultValue) =>
        string.IsNullOrEmpty(value) ? defaultValue : Parse(value);
}
