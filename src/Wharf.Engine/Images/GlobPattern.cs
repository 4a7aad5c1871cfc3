namespace Wharf.Engine.Images;

/// <summary>Go's <c>path.Match</c>: <c>*</c> and <c>?</c> never match <c>/</c>; <c>[...]</c> classes with ranges and <c>^</c>; <c>\</c> escapes.</summary>
internal static class GlobPattern
{
    /// <summary>Whether <paramref name="name"/> matches <paramref name="pattern"/>; throws <see cref="FormatException"/> for a malformed pattern.</summary>
    public static bool Match(string pattern, string name) => MatchAt(pattern, 0, name, 0);

    private static bool MatchAt(string p, int pi, string s, int si)
    {
        while (pi < p.Length)
        {
            var c = p[pi];
            switch (c)
            {
                case '*':
                    while (pi < p.Length && p[pi] == '*')
                    {
                        pi++;
                    }
                    for (var k = si; k <= s.Length; k++)
                    {
                        if (MatchAt(p, pi, s, k))
                        {
                            return true;
                        }
                        if (k < s.Length && s[k] == '/')
                        {
                            break;
                        }
                    }
                    Validate(p, pi);
                    return false;
                case '?':
                    if (si >= s.Length || s[si] == '/')
                    {
                        Validate(p, pi + 1);
                        return false;
                    }
                    pi++;
                    si++;
                    break;
                case '[':
                    var (matched, next) = MatchClass(p, pi, si < s.Length ? s[si] : (char?)null);
                    if (!matched || si >= s.Length || s[si] == '/')
                    {
                        Validate(p, next);
                        return false;
                    }
                    pi = next;
                    si++;
                    break;
                case '\\':
                    if (pi + 1 >= p.Length)
                    {
                        throw new FormatException("syntax error in pattern");
                    }
                    if (si >= s.Length || s[si] != p[pi + 1])
                    {
                        return false;
                    }
                    pi += 2;
                    si++;
                    break;
                default:
                    if (si >= s.Length || s[si] != c)
                    {
                        Validate(p, pi + 1);
                        return false;
                    }
                    pi++;
                    si++;
                    break;
            }
        }
        return si == s.Length;
    }

    private static (bool Matched, int Next) MatchClass(string p, int pi, char? ch)
    {
        var i = pi + 1;
        var negated = i < p.Length && p[i] == '^';
        if (negated)
        {
            i++;
        }
        var matched = false;
        var first = true;
        while (true)
        {
            if (i >= p.Length)
            {
                throw new FormatException("syntax error in pattern");
            }
            if (p[i] == ']' && !first)
            {
                i++;
                break;
            }
            first = false;
            var low = ReadChar(p, ref i);
            var high = low;
            if (i < p.Length && p[i] == '-' && i + 1 < p.Length && p[i + 1] != ']')
            {
                i++;
                high = ReadChar(p, ref i);
            }
            if (ch is { } c && c >= low && c <= high)
            {
                matched = true;
            }
        }
        return (matched != negated, i);
    }

    private static char ReadChar(string p, ref int i)
    {
        if (p[i] == '\\')
        {
            i++;
            if (i >= p.Length)
            {
                throw new FormatException("syntax error in pattern");
            }
        }
        return p[i++];
    }

    private static void Validate(string p, int from)
    {
        // Go reports a malformed pattern even when the name fails to match earlier.
        for (var i = from; i < p.Length; i++)
        {
            if (p[i] == '\\')
            {
                if (++i >= p.Length)
                {
                    throw new FormatException("syntax error in pattern");
                }
            }
            else if (p[i] == '[')
            {
                i = MatchClass(p, i, null).Next - 1;
            }
        }
    }
}
