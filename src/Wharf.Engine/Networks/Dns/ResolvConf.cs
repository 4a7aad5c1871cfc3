namespace Wharf.Engine.Networks.Dns;

/// <summary>The parts of a <c>resolv.conf</c> (resolv.conf(5)) that matter here: nameservers, search domains, options.</summary>
public sealed record ResolvConf
{
    /// <summary><c>nameserver</c> addresses in file order.</summary>
    public IReadOnlyList<string> Nameservers { get; init; } = [];

    /// <summary>The last <c>search</c> (or <c>domain</c>) line's domains.</summary>
    public IReadOnlyList<string> Search { get; init; } = [];

    /// <summary>Every <c>options</c> entry in file order.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Parses resolv.conf text; unknown lines and comments are ignored.</summary>
    public static ResolvConf Parse(string text)
    {
        var nameservers = new List<string>();
        var search = new List<string>();
        var options = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var fields = raw.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2 || fields[0].StartsWith('#') || fields[0].StartsWith(';'))
            {
                continue;
            }
            switch (fields[0])
            {
                case "nameserver":
                    nameservers.Add(fields[1]);
                    break;
                case "search" or "domain":
                    // The last search/domain line wins (resolv.conf(5)).
                    search.Clear();
                    search.AddRange(fields.Skip(1).TakeWhile(f => !f.StartsWith('#')));
                    break;
                case "options":
                    options.AddRange(fields.Skip(1).TakeWhile(f => !f.StartsWith('#')));
                    break;
            }
        }
        return new ResolvConf { Nameservers = nameservers, Search = search, Options = options };
    }

    /// <summary>Reads and parses a file; empty when it does not exist or cannot be read.</summary>
    public static ResolvConf Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ResolvConf();
        }
    }
}
