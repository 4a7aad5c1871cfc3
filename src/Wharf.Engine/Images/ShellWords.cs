using System.Text;

namespace Wharf.Engine.Images;

/// <summary>The Dockerfile shell-word rules for instruction arguments: quote-aware splitting, quote removal, backslash escapes and <c>$VAR</c>/<c>${VAR}</c> expansion.</summary>
internal static class ShellWords
{
    /// <summary>Splits on unquoted whitespace, keeping quotes and escapes in each word (they are processed later by <see cref="Process"/>).</summary>
    public static List<string> Split(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quote == '\0' && char.IsWhiteSpace(ch))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            current.Append(ch);
            if (ch == '\\' && quote != '\'' && i + 1 < text.Length)
            {
                current.Append(text[++i]);
                continue;
            }
            if (quote == '\0' && ch is '"' or '\'')
            {
                quote = ch;
            }
            else if (quote != '\0' && ch == quote)
            {
                quote = '\0';
            }
        }
        if (inWord)
        {
            words.Add(current.ToString());
        }
        return words;
    }

    /// <summary>Removes quotes, applies escapes and expands variables from <paramref name="environment"/> (unset variables expand to nothing).</summary>
    public static string Process(string word, IReadOnlyDictionary<string, string> environment)
    {
        var result = new StringBuilder();
        char quote = '\0';
        for (var i = 0; i < word.Length; i++)
        {
            var ch = word[i];
            if (quote == '\'')
            {
                if (ch == '\'')
                {
                    quote = '\0';
                }
                else
                {
                    result.Append(ch);
                }
                continue;
            }
            if (ch == '\\' && i + 1 < word.Length)
            {
                var next = word[i + 1];
                if (quote == '"' && next is not ('"' or '\\' or '$'))
                {
                    result.Append(ch);
                    continue;
                }
                result.Append(next);
                i++;
                continue;
            }
            if (ch == '"')
            {
                quote = quote == '"' ? '\0' : '"';
                continue;
            }
            if (ch == '\'' && quote == '\0')
            {
                quote = '\'';
                continue;
            }
            if (ch == '$' && i + 1 < word.Length)
            {
                i = Expand(word, i, environment, result);
                continue;
            }
            result.Append(ch);
        }
        return result.ToString();
    }

    private static int Expand(string word, int dollar, IReadOnlyDictionary<string, string> environment, StringBuilder result)
    {
        var i = dollar + 1;
        if (word[i] == '{')
        {
            var close = word.IndexOf('}', i);
            if (close < 0)
            {
                throw new FormatException($"missing '}}' in '{word}'");
            }
            var body = word[(i + 1)..close];
            var modifier = body.IndexOf(':');
            var name = modifier < 0 ? body : body[..modifier];
            environment.TryGetValue(name, out var value);
            if (modifier >= 0 && modifier + 1 < body.Length)
            {
                var op = body[modifier + 1];
                var alternative = body[(modifier + 2)..];
                value = op switch
                {
                    '-' => string.IsNullOrEmpty(value) ? alternative : value,
                    '+' => string.IsNullOrEmpty(value) ? "" : alternative,
                    _ => throw new FormatException($"unsupported modifier ({op}) in substitution"),
                };
            }
            result.Append(value);
            return close;
        }
        var start = i;
        while (i < word.Length && (char.IsAsciiLetterOrDigit(word[i]) || word[i] == '_'))
        {
            i++;
        }
        if (i == start)
        {
            result.Append('$');
            return dollar;
        }
        environment.TryGetValue(word[start..i], out var plain);
        result.Append(plain);
        return i - 1;
    }
}
