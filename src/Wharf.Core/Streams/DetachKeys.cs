namespace Wharf.Core.Streams;

/// <summary>
/// Docker's detach key sequences: a comma-separated list of single characters and <c>ctrl-X</c> names
/// (<c>X</c> = <c>a</c>–<c>z</c>, <c>@</c>, <c>[</c>, <c>\</c>, <c>]</c>, <c>^</c>, <c>_</c>). The default is ctrl-p ctrl-q.
/// </summary>
public static class DetachKeys
{
    /// <summary>ctrl-p ctrl-q.</summary>
    public static IReadOnlyList<byte> Default { get; } = [16, 17];

    /// <summary>The text form of <see cref="Default"/>.</summary>
    public const string DefaultText = "ctrl-p,ctrl-q";

    /// <summary>Parses <paramref name="text"/>; null or empty gives <see cref="Default"/>.</summary>
    /// <exception cref="FormatException"><c>Unknown character: '…'</c> as Docker words it.</exception>
    public static byte[] Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [.. Default];
        }
        var codes = new List<byte>();
        foreach (var key in text.Split(','))
        {
            if (key.Length == 1)
            {
                codes.Add((byte)key[0]);
                continue;
            }
            if (key.StartsWith("ctrl-", StringComparison.OrdinalIgnoreCase) && key.Length == 6 && ControlCode(key[5]) is { } code)
            {
                codes.Add(code);
                continue;
            }
            throw new FormatException($"Unknown character: '{key}'");
        }
        return [.. codes];
    }

    /// <summary>Parses like <see cref="Parse"/> but returns false instead of throwing.</summary>
    public static bool TryParse(string? text, out byte[] keys)
    {
        try
        {
            keys = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            keys = [.. Default];
            return false;
        }
    }

    private static byte? ControlCode(char c)
    {
        var lower = char.ToLowerInvariant(c);
        if (lower is >= 'a' and <= 'z')
        {
            return (byte)(lower - 'a' + 1);
        }
        return c switch
        {
            '@' => 0,
            '[' => 27,
            '\\' => 28,
            ']' => 29,
            '^' => 30,
            '_' => 31,
            _ => null,
        };
    }
}
