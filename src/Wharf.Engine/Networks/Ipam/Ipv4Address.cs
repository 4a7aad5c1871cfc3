using System.Globalization;

namespace Wharf.Engine.Networks.Ipam;

/// <summary>Conversions between dotted-quad IPv4 text and its 32-bit host-order value.</summary>
public static class Ipv4Address
{
    /// <summary>Parses strict dotted-quad text (four decimal octets, no leading <c>+</c>/spaces).</summary>
    public static bool TryParse(string? text, out uint value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit)
                || (part.Length > 1 && part[0] == '0')
                || !uint.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var octet) || octet > 255)
            {
                return false;
            }
            value = (value << 8) | octet;
        }
        return true;
    }

    /// <summary>Parses dotted-quad text or throws <see cref="FormatException"/>.</summary>
    public static uint Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"invalid IPv4 address: {text}");

    /// <summary>Formats a host-order value as dotted-quad text.</summary>
    public static string Format(uint value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value >> 24}.{(value >> 16) & 0xFF}.{(value >> 8) & 0xFF}.{value & 0xFF}");
}
