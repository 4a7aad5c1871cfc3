using Wharf.Core.Errors;
using Wharf.Engine.Runtime.Spec;

namespace Wharf.Engine.Containers;

/// <summary>Docker's <c>-v SRC:DST[:OPTS]</c> binds for host paths. Named volumes belong to the volume service and are refused here until it exists.</summary>
public static class ContainerBinds
{
    private static readonly HashSet<string> Modes = ["ro", "rw", "z", "Z", "nocopy", "consistent", "cached", "delegated",
        "shared", "rshared", "slave", "rslave", "private", "rprivate"];

    /// <summary>Checks every bind at create time so a bad one is a 400 and nothing is created.</summary>
    public static void Validate(IReadOnlyList<string>? binds)
    {
        foreach (var bind in binds ?? [])
        {
            Parse(bind);
        }
    }

    /// <summary>The mount of one bind; a missing host directory is created, as Docker does for <c>-v</c>.</summary>
    public static SpecMount ToMount(string bind)
    {
        var (source, destination, options) = Parse(bind);
        if (!Path.Exists(source))
        {
            Directory.CreateDirectory(source);
        }
        return new SpecMount(source, destination, "bind", options);
    }

    private static (string Source, string Destination, IReadOnlyList<string> Options) Parse(string bind)
    {
        var parts = bind.Split(':');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new InvalidArgumentException($"invalid volume specification: '{bind}'");
        }
        var (source, destination) = (parts[0], parts[1]);
        if (!source.StartsWith('/'))
        {
            throw new InvalidArgumentException($"named volumes are not supported yet: '{bind}'");
        }
        if (!destination.StartsWith('/'))
        {
            throw new InvalidArgumentException($"invalid volume specification: '{bind}': invalid mount config for type \"bind\": invalid mount path: '{destination}' mount path must be absolute");
        }
        if (destination == "/")
        {
            throw new InvalidArgumentException($"invalid volume specification: '{bind}': invalid mount config for type \"bind\": invalid specification: destination can't be '/'");
        }
        var options = new List<string> { "rbind" };
        var propagation = "rprivate";
        var readOnly = false;
        foreach (var mode in parts.Length == 3 ? parts[2].Split(',') : [])
        {
            if (!Modes.Contains(mode))
            {
                throw new InvalidArgumentException($"invalid mode: {mode}");
            }
            if (mode == "ro")
            {
                readOnly = true;
            }
            else if (mode.EndsWith("shared", StringComparison.Ordinal) || mode.EndsWith("slave", StringComparison.Ordinal) || mode.EndsWith("private", StringComparison.Ordinal))
            {
                propagation = mode;
            }
        }
        options.Add(readOnly ? "ro" : "rw");
        options.Add(propagation);
        return (Path.GetFullPath(source), destination, options);
    }
}
