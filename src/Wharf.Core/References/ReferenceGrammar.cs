using System.Text.RegularExpressions;

namespace Wharf.Core.References;

/// <summary>
/// The reference grammar of docker/distribution, as .NET regexes. Go's <c>\w</c> and <c>$</c> are ASCII-only and
/// end-anchored, so the classes are spelled out and <c>\z</c> is used instead of <c>$</c>.
/// </summary>
internal static partial class ReferenceGrammar
{
    private const string Alphanumeric = "[a-z0-9]+";
    private const string Separator = "(?:[._]|__|[-]+)";
    private const string PathComponent = Alphanumeric + "(?:" + Separator + Alphanumeric + ")*";
    private const string RemoteName = PathComponent + "(?:/" + PathComponent + ")*";
    private const string DomainNameComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private const string DomainName = DomainNameComponent + @"(?:\." + DomainNameComponent + ")*";
    private const string Ipv6Address = @"\[(?:[a-fA-F0-9:]+)\]";
    private const string Host = "(?:" + DomainName + "|" + Ipv6Address + ")";
    private const string DomainAndPort = Host + "(?::[0-9]+)?";
    private const string NamePattern = "(?:" + DomainAndPort + "/)?" + RemoteName;
    private const string TagPattern = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
    private const string DigestPattern = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";

    /// <summary>name, optional tag, optional digest, each captured.</summary>
    [GeneratedRegex("^(" + NamePattern + ")(?::(" + TagPattern + "))?(?:@(" + DigestPattern + "))?\\z", RegexOptions.CultureInvariant)]
    public static partial Regex Reference();

    /// <summary>optional domain and the remote name, captured.</summary>
    [GeneratedRegex("^(?:(" + DomainAndPort + ")/)?(" + RemoteName + ")\\z", RegexOptions.CultureInvariant)]
    public static partial Regex AnchoredName();

    /// <summary>A valid tag.</summary>
    [GeneratedRegex("^" + TagPattern + "\\z", RegexOptions.CultureInvariant)]
    public static partial Regex AnchoredTag();

    /// <summary>A 64-hex identifier (an image ID without its algorithm).</summary>
    [GeneratedRegex("^[a-f0-9]{64}\\z", RegexOptions.CultureInvariant)]
    public static partial Regex AnchoredIdentifier();
}
