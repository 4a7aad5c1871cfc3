using Wharf.Core.Ids;
using Wharf.Core.Naming;

namespace Wharf.Engine.Containers;

/// <summary>Container IDs and names as the lifecycle service needs them, over Core's grammar and generator.</summary>
public static class ContainerNames
{
    private static readonly NameGenerator Generator = new();

    /// <summary>A new random 64-hex container ID whose short form is never all digits.</summary>
    public static string NewId() => StringIds.NewId();

    /// <summary>A random <c>adjective_surname</c>; from <paramref name="retry"/> 1 on, a digit is appended as Docker does.</summary>
    public static string Generate(int retry = 0) => Generator.Generate(retry);

    /// <summary>Validates a user-given name (a leading <c>/</c> is allowed) and returns it without the slash.</summary>
    public static string Validate(string name)
    {
        Wharf.Core.Naming.ContainerNames.Validate(name);
        return Wharf.Core.Naming.ContainerNames.TrimSlash(name);
    }
}
