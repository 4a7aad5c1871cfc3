using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Wharf.Core.Errors;

namespace Wharf.Engine.Volumes;

/// <summary>Local volume names: Docker's allowed characters, and random names for anonymous volumes.</summary>
public static partial class VolumeNames
{
    /// <summary>The character classes Docker quotes in its error message.</summary>
    public const string AllowedCharacters = "[a-zA-Z0-9][a-zA-Z0-9_.-]";

    /// <summary>True when <paramref name="name"/> is a valid local volume name.</summary>
    public static bool IsValid(string name) => NamePattern().IsMatch(name);

    /// <summary>Throws Docker's 400 for a name the local driver refuses.</summary>
    public static void Validate(string name)
    {
        if (!IsValid(name))
        {
            throw new InvalidArgumentException(
                $"create {name}: \"{name}\" includes invalid characters for a local volume name, only \"{AllowedCharacters}\" are allowed. If you intended to pass a host directory, use absolute path");
        }
    }

    /// <summary>A new 64-hex name, as Docker gives anonymous volumes.</summary>
    public static string NewAnonymous() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
