using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Wharf.Core.Errors;

namespace Wharf.Core.Units;

/// <summary>Go's duration text (<c>time.ParseDuration</c>): <c>300ms</c>, <c>-1.5h</c>, <c>2h45m</c>; Docker uses it for <c>--since 10m</c>, <c>--stop-timeout</c>, health-check intervals.</summary>
public static class GoDuration
{
    /// <summary>Parses a Go duration; throws <see cref="InvalidArgumentException"/> (<c>time: invalid duration "x"</c>).</summary>
    public static TimeSpan Parse(string value)
    {
        if (!TryParseNanoseconds(value, out var nanoseconds, out var error))
        {
            throw new InvalidArgumentException(error);
        }
        return TimeSpan.FromTicks(nanoseconds / 100);
    }

    /// <summary>Parses a Go duration without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out TimeSpan duration)
    {
        duration = default;
        if (value is null || !TryParseNanoseconds(value, out var nanoseconds, out _))
        {
            return false;
        }
        duration = TimeSpan.FromTicks(nanoseconds / 100);
        return true;
    }

    /// <summary>Parses a Go duration into nanoseconds (Go's own resolution) without throwing.</summary>
    public static bool TryParseNanoseconds(string value, out long nanoseconds, out string error)
    {
        nanoseconds = 0;
        error = $"time: invalid duration \"{value}\"";
        var s = value.AsSpan();
        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (s is "0")
        {
            error = "";
            return true;
        }
        if (s.IsEmpty)
        {
            return false;
        }
        decimal total = 0;
        while (!s.IsEmpty)
        {
            var i = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
            var whole = s[..i];
            s = s[i..];
            var fraction = ReadOnlySpan<char>.Empty;
            if (!s.IsEmpty && s[0] == '.')
            {
                s = s[1..];
                i = 0;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }
                fraction = s[..i];
                s = s[i..];
            }
            if (whole.IsEmpty && fraction.IsEmpty)
            {
                return false;
            }
            i = 0;
            while (i < s.Length && s[i] != '.' && !char.IsAsciiDigit(s[i]))
            {
                i++;
            }
            if (i == 0)
            {
                error = $"time: missing unit in duration \"{value}\"";
                return false;
            }
            var unit = s[..i].ToString();
            s = s[i..];
            decimal scale = unit switch
            {
                "ns" => 1m,
                "us" or "\u00b5s" or "\u03bcs" => 1_000m,
                "ms" => 1_000_000m,
                "s" => 1_000_000_000m,
                "m" => 60_000_000_000m,
                "h" => 3_600_000_000_000m,
                _ => -1m,
            };
            if (scale < 0)
            {
                error = $"time: unknown unit \"{unit}\" in duration \"{value}\"";
                return false;
            }
            if (whole.Length > 19)
            {
                return false;
            }
            var number = decimal.Parse(whole.IsEmpty ? "0" : whole, NumberStyles.None, CultureInfo.InvariantCulture);
            if (!fraction.IsEmpty)
            {
                // Digits beyond 1 ns are irrelevant; cutting them keeps decimal in range.
                var digits = fraction.Length > 20 ? fraction[..20] : fraction;
                number += decimal.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) / Pow10(digits.Length);
            }
            if (number > long.MaxValue / scale)
            {
                return false;
            }
            total += number * scale;
            if (total > long.MaxValue)
            {
                return false;
            }
        }
        nanoseconds = (long)decimal.Truncate(total);
        if (negative)
        {
            nanoseconds = -nanoseconds;
        }
        error = "";
        return true;
    }

    private static decimal Pow10(int n)
    {
        decimal result = 1;
        for (var i = 0; i < n; i++)
        {
            result *= 10;
        }
        return result;
    }
}
