using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Wharf.Core.Errors;

namespace Wharf.Core.Signals;

/// <summary>Linux (x86_64) signal names and numbers, parsed as <c>docker kill -s</c> and <c>STOPSIGNAL</c> accept them.</summary>
public static class SignalNames
{
    /// <summary>The first real-time signal number as the kernel numbers it (glibc reserves 32 and 33 for itself, Docker does not).</summary>
    public const int RtMin = 34;

    /// <summary>The last real-time signal number.</summary>
    public const int RtMax = 64;

    private static readonly Dictionary<string, int> ByName = new(StringComparer.Ordinal)
    {
        ["ABRT"] = 6,
        ["ALRM"] = 14,
        ["BUS"] = 7,
        ["CHLD"] = 17,
        ["CLD"] = 17,
        ["CONT"] = 18,
        ["FPE"] = 8,
        ["HUP"] = 1,
        ["ILL"] = 4,
        ["INT"] = 2,
        ["IO"] = 29,
        ["IOT"] = 6,
        ["KILL"] = 9,
        ["PIPE"] = 13,
        ["POLL"] = 29,
        ["PROF"] = 27,
        ["PWR"] = 30,
        ["QUIT"] = 3,
        ["SEGV"] = 11,
        ["STKFLT"] = 16,
        ["STOP"] = 19,
        ["SYS"] = 31,
        ["TERM"] = 15,
        ["TRAP"] = 5,
        ["TSTP"] = 20,
        ["TTIN"] = 21,
        ["TTOU"] = 22,
        ["URG"] = 23,
        ["USR1"] = 10,
        ["USR2"] = 12,
        ["VTALRM"] = 26,
        ["WINCH"] = 28,
        ["XCPU"] = 24,
        ["XFSZ"] = 25,
    };

    // One canonical name per number, for printing.
    private static readonly string[] ByNumber =
    [
        "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM",
        "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
    ];

    /// <summary>
    /// Parses <c>SIGTERM</c>, <c>TERM</c>, <c>sigterm</c>, <c>15</c>, <c>RTMIN+3</c> or <c>SIGRTMAX-1</c> into a signal number.
    /// Throws <see cref="InvalidArgumentException"/> (<c>Invalid signal: X</c>).
    /// </summary>
    public static int Parse(string value)
    {
        if (!TryParse(value, out var number))
        {
            throw new InvalidArgumentException($"Invalid signal: {value}");
        }
        return number;
    }

    /// <summary>Parses a signal name or number without throwing; numbers must be 1–64.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out int number)
    {
        number = 0;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            // Docker refuses 0 ("Invalid signal: 0").
            if (parsed is < 1 or > RtMax)
            {
                return false;
            }
            number = parsed;
            return true;
        }
        var name = value.ToUpperInvariant();
        if (name.StartsWith("SIG", StringComparison.Ordinal))
        {
            name = name[3..];
        }
        if (ByName.TryGetValue(name, out number))
        {
            return true;
        }
        return TryParseRealtime(name, out number);
    }

    /// <summary>The name of a signal number with the <c>SIG</c> prefix (<c>SIGTERM</c>, <c>SIGRTMIN+3</c>), or null when out of range.</summary>
    public static string? NameOf(int number)
    {
        if (number >= 1 && number < ByNumber.Length)
        {
            return "SIG" + ByNumber[number];
        }
        if (number == RtMin)
        {
            return "SIGRTMIN";
        }
        if (number == RtMax)
        {
            return "SIGRTMAX";
        }
        if (number > RtMin && number < RtMax)
        {
            // Linux's own convention: the lower half counts up from RTMIN, the upper half down from RTMAX.
            return number <= (RtMin + RtMax) / 2
                ? "SIGRTMIN+" + (number - RtMin).ToString(CultureInfo.InvariantCulture)
                : "SIGRTMAX-" + (RtMax - number).ToString(CultureInfo.InvariantCulture);
        }
        return null;
    }

    private static bool TryParseRealtime(string name, out int number)
    {
        number = 0;
        int baseNumber, sign;
        string rest;
        if (name.StartsWith("RTMIN", StringComparison.Ordinal))
        {
            (baseNumber, sign, rest) = (RtMin, 1, name[5..]);
        }
        else if (name.StartsWith("RTMAX", StringComparison.Ordinal))
        {
            (baseNumber, sign, rest) = (RtMax, -1, name[5..]);
        }
        else
        {
            return false;
        }
        if (rest.Length == 0)
        {
            number = baseNumber;
            return true;
        }
        var expectedSign = sign > 0 ? '+' : '-';
        if (rest[0] != expectedSign ||
            !int.TryParse(rest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ||
            offset > RtMax - RtMin)
        {
            return false;
        }
        number = baseNumber + sign * offset;
        return true;
    }
}
