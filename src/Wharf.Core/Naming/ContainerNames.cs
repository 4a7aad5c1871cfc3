using System.Text.RegularExpressions;
using Wharf.Core.Errors;

namespace Wharf.Core.Naming;

/// <summary>Docker's rule for user-chosen container names.</summary>
public static partial class ContainerNames
{
    /// <summary>The characters Docker allows, as its error message prints them.</summary>
    public const string AllowedCharacters = "[a-zA-Z0-9][a-zA-Z0-9_.-]";

    /// <summary>True when <paramref name="name"/> is a valid container name (an optional leading <c>/</c> is allowed).</summary>
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    /// <summary>Throws <see cref="InvalidArgumentException"/> with Docker's wording unless the name is valid.</summary>
    public static void Validate(string name)
    {
        if (!IsValid(name))
        {
            throw new InvalidArgumentException($"Invalid container name ({name}), only {AllowedCharacters} are allowed");
        }
    }

    /// <summary>The name without Docker's leading <c>/</c>.</summary>
    public static string TrimSlash(string name) => name.StartsWith('/') ? name[1..] : name;

    [GeneratedRegex(@"^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
