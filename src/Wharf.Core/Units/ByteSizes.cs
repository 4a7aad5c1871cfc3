using System.Globalization;
using Wharf.Core.Errors;

namespace Wharf.Core.Units;

/// <summary>Human-readable byte sizes as Docker's go-units prints and parses them (<c>4.27MB</c>, <c>512m</c>).</summary>
public static class ByteSizes
{
    private static readonly string[] DecimalUnits = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
    private static readonly string[] BinaryUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"];
    private static readonly char[] SizeCharacters = "0123456789.".ToCharArray();

    /// <summary>Decimal size with 4 significant digits: <c>0B</c>, <c>1.2kB</c>, <c>4.27MB</c> (what <c>docker images</c> shows).</summary>
    public static string HumanSize(double bytes) => HumanSizeWithPrecision(bytes, 4);

    /// <summary>Decimal size with the given number of significant digits.</summary>
    public static string HumanSizeWithPrecision(double bytes, int precision) => Format(bytes, 1000.0, DecimalUnits, precision);

    /// <summary>Binary size with 4 significant digits: <c>44KiB</c>, <c>17MiB</c>.</summary>
    public static string BytesSize(double bytes) => Format(bytes, 1024.0, BinaryUnits, 4);

    /// <summary>Parses a binary size (<c>512m</c>, <c>1GiB</c>, <c>64k</c>, <c>100</c>) as <c>--memory</c> does. Throws <see cref="InvalidArgumentException"/>.</summary>
    public static long RAMInBytes(string size) => ParseSize(size, 1024);

    /// <summary>Parses a decimal size (<c>44kB</c>, <c>17MB</c>). Throws <see cref="InvalidArgumentException"/>.</summary>
    public static long FromHumanSize(string size) => ParseSize(size, 1000);

    private static string Format(double size, double unitBase, string[] units, int precision)
    {
        var i = 0;
        while (size >= unitBase && i < units.Length - 1)
        {
            size /= unitBase;
            i++;
        }
        // Go's %.4g: significant digits, trailing zeros dropped, lowercase exponent.
        var number = size.ToString("G" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            .Replace("E", "e", StringComparison.Ordinal);
        return number + units[i];
    }

    private static long ParseSize(string text, long unitBase)
    {
        string number, suffix;
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space >= 0)
        {
            number = text[..space];
            suffix = text[(space + 1)..];
        }
        else
        {
            var last = text.LastIndexOfAny(SizeCharacters);
            if (last < 0)
            {
                throw new InvalidArgumentException($"invalid size: '{text}'");
            }
            number = text[..(last + 1)];
            suffix = text[(last + 1)..];
        }
        if (!double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var size))
        {
            throw new InvalidArgumentException($"strconv.ParseFloat: parsing \"{number}\": invalid syntax");
        }
        if (size < 0)
        {
            throw new InvalidArgumentException($"invalid size: '{text}'");
        }
        if (suffix.Length == 0)
        {
            return ToInt64(size);
        }
        var lower = suffix.ToLowerInvariant();
        if (suffix.Length > 3)
        {
            throw BadSuffix(suffix);
        }
        if (lower[0] == 'b')
        {
            return lower.Length == 1 ? ToInt64(size) : throw BadSuffix(lower);
        }
        var exponent = "kmgtp".IndexOf(lower[0], StringComparison.Ordinal);
        if (exponent < 0)
        {
            throw BadSuffix(lower);
        }
        if ((lower.Length == 2 && lower[1] != 'b') || (lower.Length == 3 && lower[1..] != "ib"))
        {
            throw BadSuffix(lower);
        }
        return ToInt64(size * Math.Pow(unitBase, exponent + 1));
    }

    private static long ToInt64(double value) => value >= long.MaxValue ? long.MaxValue : (long)value;

    private static InvalidArgumentException BadSuffix(string suffix) => new($"invalid suffix: '{suffix}'");
}
