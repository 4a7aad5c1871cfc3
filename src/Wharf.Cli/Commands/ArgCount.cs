namespace Wharf.Cli.Commands;

/// <summary>How many positional arguments a command takes, with cobra's wording when the count is wrong.</summary>
internal readonly record struct ArgCount(int Min, int Max)
{
    /// <summary>Any number of arguments.</summary>
    public static ArgCount Any => new(0, int.MaxValue);

    /// <summary>No arguments at all.</summary>
    public static ArgCount None => new(0, 0);

    /// <summary>Exactly <paramref name="n"/> arguments.</summary>
    public static ArgCount Exactly(int n) => new(n, n);

    /// <summary>At least <paramref name="n"/> arguments.</summary>
    public static ArgCount AtLeast(int n) => new(n, int.MaxValue);

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> arguments.</summary>
    public static ArgCount Range(int min, int max) => new(min, max);

    /// <summary>The error docker prints for <paramref name="count"/> arguments, or null when the count is fine; the bool says whether docker ends with "See" (at least) rather than "Run".</summary>
    public (string Message, bool See)? Check(string commandPath, int count)
    {
        if (count >= Min && count <= Max)
        {
            return null;
        }
        if (Max == 0)
        {
            return ($"'{commandPath}' accepts no arguments", false);
        }
        if (Min == Max)
        {
            return ($"'{commandPath}' requires {Min} {Plural(Min)}", false);
        }
        if (count < Min)
        {
            return ($"'{commandPath}' requires at least {Min} {Plural(Min)}", true);
        }
        return ($"'{commandPath}' requires at most {Max} {Plural(Max)}", false);
    }

    private static string Plural(int n) => n == 1 ? "argument" : "arguments";
}
