using Wharf.Core.Errors;

namespace Wharf.Core.References;

/// <summary>
/// Shell-style patterns with Go's <c>path.Match</c> rules, as <c>docker images --filter reference=…</c> uses them:
/// <c>*</c> is any run of characters other than <c>/</c>, <c>?</c> one such character, <c>[a-z]</c>/<c>[^…]</c> a class,
/// <c>\</c> escapes.
/// </summary>
public sealed class PathPattern
{
    private readonly Token[] _tokens;

    private PathPattern(Token[] tokens) => _tokens = tokens;

    /// <summary>Compiles a pattern; throws <see cref="InvalidArgumentException"/> (<c>syntax error in pattern</c>) when malformed.</summary>
    public static PathPattern Parse(string pattern) => new(Compile(pattern));

    /// <summary>True when the whole of <paramref name="name"/> matches.</summary>
    public bool IsMatch(string name) => Match(0, name, 0);

    /// <summary>Compiles <paramref name="pattern"/> and matches it against <paramref name="name"/>.</summary>
    public static bool IsMatch(string pattern, string name) => Parse(pattern).IsMatch(name);

    private bool Match(int tokenIndex, string name, int position)
    {
        while (tokenIndex < _tokens.Length)
        {
            var token = _tokens[tokenIndex];
            if (token.Kind == TokenKind.Star)
            {
                // Try every split point up to the next '/'.
                for (var end = position; ; end++)
                {
                    if (Match(tokenIndex + 1, name, end))
                    {
                        return true;
                    }
                    if (end >= name.Length || name[end] == '/')
                    {
                        return false;
                    }
                }
            }
            if (position >= name.Length || !token.Accepts(name[position]))
            {
                return false;
            }
            position++;
            tokenIndex++;
        }
        return position == name.Length;
    }

    private static Token[] Compile(string pattern)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    if (tokens.Count == 0 || tokens[^1].Kind != TokenKind.Star)
                    {
                        tokens.Add(new Token(TokenKind.Star, default, [], false));
                    }
                    i++;
                    break;
                case '?':
                    tokens.Add(new Token(TokenKind.AnyButSlash, default, [], false));
                    i++;
                    break;
                case '\\':
                    if (i + 1 >= pattern.Length)
                    {
                        throw BadPattern();
                    }
                    tokens.Add(new Token(TokenKind.Literal, pattern[i + 1], [], false));
                    i += 2;
                    break;
                case '[':
                    tokens.Add(CompileClass(pattern, ref i));
                    break;
                default:
                    tokens.Add(new Token(TokenKind.Literal, c, [], false));
                    i++;
                    break;
            }
        }
        return [.. tokens];
    }

    private static Token CompileClass(string pattern, ref int i)
    {
        i++;
        var negated = false;
        if (i < pattern.Length && pattern[i] == '^')
        {
            negated = true;
            i++;
        }
        var ranges = new List<(char Low, char High)>();
        while (true)
        {
            if (i < pattern.Length && pattern[i] == ']' && ranges.Count > 0)
            {
                i++;
                return new Token(TokenKind.Class, default, [.. ranges], negated);
            }
            var low = ClassCharacter(pattern, ref i);
            var high = low;
            if (i < pattern.Length && pattern[i] == '-')
            {
                i++;
                high = ClassCharacter(pattern, ref i);
            }
            ranges.Add((low, high));
        }
    }

    private static char ClassCharacter(string pattern, ref int i)
    {
        if (i >= pattern.Length || pattern[i] is '-' or ']')
        {
            throw BadPattern();
        }
        if (pattern[i] == '\\')
        {
            i++;
            if (i >= pattern.Length)
            {
                throw BadPattern();
            }
        }
        var c = pattern[i++];
        // A class must be closed, so something has to follow.
        if (i >= pattern.Length)
        {
            throw BadPattern();
        }
        return c;
    }

    private static InvalidArgumentException BadPattern() => new("syntax error in pattern");

    private enum TokenKind
    {
        Literal,
        AnyButSlash,
        Class,
        Star,
    }

    private readonly record struct Token(TokenKind Kind, char Literal, (char Low, char High)[] Ranges, bool Negated)
    {
        public bool Accepts(char c)
        {
            switch (Kind)
            {
                case TokenKind.Literal:
                    return c == Literal;
                case TokenKind.AnyButSlash:
                    return c != '/';
                case TokenKind.Class:
                    var inRange = false;
                    foreach (var (low, high) in Ranges)
                    {
                        if (low <= c && c <= high)
                        {
                            inRange = true;
                            break;
                        }
                    }
                    return inRange != Negated;
                default:
                    return false;
            }
        }
    }
}
