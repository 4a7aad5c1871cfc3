using System.Text;

namespace Wharf.Cli.Parsing;

/// <summary>
/// docker's <c>--env-file</c>/<c>--label-file</c> format: one <c>KEY=VALUE</c> per line (value kept verbatim),
/// blank lines and <c>#</c> comments skipped, a bare <c>KEY</c> takes its value from the environment (or is dropped).
/// </summary>
internal static class KeyValueFile
{
    /// <summary>Parses <paramref name="content"/>; <paramref name="lookup"/> resolves bare keys (null: bare keys are dropped).</summary>
    public static List<string> Parse(string content, Func<string, string?>? lookup)
    {
        if (content.StartsWith('\uFEFF'))
        {
            content = content[1..];
        }
        var result = new List<string>();
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.TrimEnd('\r').TrimStart();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var eq = line.IndexOf('=');
            var variable = (eq < 0 ? line : line[..eq]).TrimStart();
            if (variable.Any(c => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r'))
            {
                throw new FormatException($"variable '{variable}' contains whitespaces");
            }
            if (variable.Length == 0)
            {
                throw new FormatException($"no variable name on line '{line}'");
            }
            if (eq >= 0)
            {
                result.Add(variable + "=" + line[(eq + 1)..]);
            }
            else if (lookup?.Invoke(variable) is { } value)
            {
                result.Add(variable.Trim() + "=" + value);
            }
        }
        return result;
    }

    /// <summary>Reads and parses a file; errors carry docker's wording.</summary>
    public static List<string> ReadFile(string path, Func<string, string?>? lookup, string kind)
    {
        string content;
        try
        {
            content = File.ReadAllText(path, new UTF8Encoding(false, true));
        }
        catch (FileNotFoundException)
        {
            throw new FormatException($"open {path}: no such file or directory");
        }
        catch (DirectoryNotFoundException)
        {
            throw new FormatException($"open {path}: no such file or directory");
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException($"{path}: invalid utf8 bytes at line");
        }
        try
        {
            return Parse(content, lookup);
        }
        catch (FormatException e)
        {
            throw new FormatException($"poorly formatted {kind}: {e.Message}");
        }
    }

    /// <summary>docker's <c>ValidateEnv</c> for <c>-e</c>: a bare key takes its value from the environment when set.</summary>
    public static string ExpandEnv(string value, Func<string, string?> lookup)
    {
        var eq = value.IndexOf('=');
        var key = eq < 0 ? value : value[..eq];
        if (key.Length == 0)
        {
            throw new FormatException("invalid environment variable: " + value);
        }
        if (eq >= 0)
        {
            return value;
        }
        return lookup(key) is { } v ? key + "=" + v : value;
    }
}
