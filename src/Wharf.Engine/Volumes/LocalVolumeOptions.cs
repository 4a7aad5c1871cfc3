using Wharf.Core.Errors;
using Wharf.Engine.Filesystem;
using Wharf.Engine.Snapshots;

namespace Wharf.Engine.Volumes;

/// <summary>
/// The local driver's <c>-o</c> options: <c>type</c> (file system type, or <c>none</c> with <c>o=bind</c>), <c>device</c>
/// and <c>o</c> (mount options). With options, the volume's <c>_data</c> is a mount of the device, made while a container
/// uses it; without, <c>_data</c> is a plain directory.
/// </summary>
public sealed record LocalVolumeOptions(string Type, string Device, string MountOptions)
{
    private static readonly string[] Keys = ["type", "device", "o"];

    // Like moby: giving one of these requires the others listed.
    private static readonly (string Key, string[] Requires)[] Mandatory =
    [
        ("device", ["type"]),
        ("type", ["device"]),
        ("o", ["device", "type"]),
    ];

    /// <summary>Validates the options of <paramref name="volumeName"/>; null when there are none (plain directory).</summary>
    public static LocalVolumeOptions? Parse(string volumeName, IReadOnlyDictionary<string, string>? options)
    {
        if (options is null || options.Count == 0)
        {
            return null;
        }
        foreach (var key in options.Keys.Order(StringComparer.Ordinal))
        {
            if (!Keys.Contains(key, StringComparer.Ordinal))
            {
                throw new InvalidArgumentException($"create {volumeName}: invalid option: \"{key}\"");
            }
        }
        foreach (var (key, requires) in Mandatory)
        {
            if (!options.ContainsKey(key))
            {
                continue;
            }
            foreach (var required in requires)
            {
                if (!options.ContainsKey(required))
                {
                    throw new InvalidArgumentException($"create {volumeName}: missing required option: \"{required}\"");
                }
            }
        }
        var parsed = new LocalVolumeOptions(options["type"], options["device"], options.GetValueOrDefault("o") ?? "");
        if (parsed.IsBind && !Path.IsPathRooted(parsed.Device))
        {
            throw new InvalidArgumentException($"create {volumeName}: bind device must be an absolute path: \"{parsed.Device}\"");
        }
        return parsed;
    }

    /// <summary>True for <c>o=bind</c> / <c>o=rbind</c> (a bind mount of <see cref="Device"/>).</summary>
    public bool IsBind => SplitOptions().Any(o => o is "bind" or "rbind");

    /// <summary>Mounts the device onto <paramref name="target"/>; errors name the device, the target and the cause.</summary>
    public void MountOnto(string target)
    {
        var (flags, data) = Mounter.ParseOptions(SplitOptions());
        try
        {
            if (IsBind)
            {
                if (!Directory.Exists(Device) && !File.Exists(Device))
                {
                    throw new IOException($"mount {Device}:{target}: bind source path does not exist: {Device}");
                }
                Syscalls.Mount(Device, target, null, flags & ~Syscalls.MountReadOnly, null);
                if ((flags & Syscalls.MountReadOnly) != 0)
                {
                    // MS_RDONLY is ignored when a bind mount is made; it takes a remount.
                    Syscalls.Mount(null, target, null, Syscalls.MountRemount | Syscalls.MountBind | Syscalls.MountReadOnly, null);
                }
            }
            else
            {
                Syscalls.Mount(Device, target, Type, flags, data);
            }
        }
        catch (IOException e)
        {
            throw new WharfException(ErrorKind.Internal,
                $"error while mounting volume '{target}': failed to mount local volume: {e.Message}", e);
        }
    }

    /// <summary>The driver options as stored and shown by inspect.</summary>
    public IReadOnlyList<string> SplitOptions() => MountOptions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
