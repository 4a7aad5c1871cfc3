using System.Globalization;
using Wharf.Core.Errors;
using Wharf.Engine.Filesystem;
using Wharf.Engine.Volumes;

namespace Wharf.Engine.Containers.Mounts;

/// <summary>
/// Docker's Linux mount grammar: <c>-v SRC:DST[:MODE]</c> binds and volumes, <c>--mount</c> entries with their stricter
/// checks, <c>--volumes-from ID[:MODE]</c> and <c>--tmpfs DST[:OPTS]</c>. Errors carry Docker's text (400).
/// </summary>
public static class MountSpecParser
{
    private static readonly HashSet<string> ReadWriteModes = ["ro", "rw"];
    private static readonly HashSet<string> LabelModes = ["z", "Z"];
    private static readonly HashSet<string> PropagationModes = ["private", "rprivate", "slave", "rslave", "shared", "rshared"];
    private static readonly HashSet<string> CopyModes = ["nocopy"];
    private static readonly HashSet<string> ConsistencyModes = ["consistent", "cached", "delegated"];

    /// <summary>The propagation of a bind that names none.</summary>
    public const string DefaultPropagation = "rprivate";

    /// <summary>Parses one <c>HostConfig.Binds</c> entry (<c>-v</c>): an absolute source is a bind, anything else a named volume.</summary>
    public static ContainerMountPoint ParseBind(string raw)
    {
        var parts = raw.Split(':', 4);
        if (parts[0].Length == 0)
        {
            throw InvalidSpec(raw);
        }
        string source;
        string target;
        var mode = "";
        switch (parts.Length)
        {
            case 1:
                source = "";
                target = parts[0];
                break;
            case 2:
                if (IsValidMode(parts[1]))
                {
                    // "/foo:rw" names a destination and a mode but no source.
                    throw InvalidSpec(raw);
                }
                (source, target) = (parts[0], parts[1]);
                break;
            case 3:
                (source, target, mode) = (parts[0], parts[1], parts[2]);
                break;
            default:
                throw InvalidSpec(raw);
        }
        if (!IsValidMode(mode))
        {
            throw new InvalidArgumentException($"invalid mode: {mode}");
        }
        var modes = mode.Length == 0 ? [] : mode.Split(',');
        var readOnly = modes.Contains("ro");
        var propagation = modes.FirstOrDefault(PropagationModes.Contains);
        var noCopy = modes.Contains("nocopy");
        var type = source.StartsWith('/') ? MountTypes.Bind : MountTypes.Volume;
        try
        {
            ValidateTarget(type, target);
            if (type == MountTypes.Volume)
            {
                if (propagation is not null)
                {
                    throw MountConfig(type, "field BindOptions must not be specified");
                }
                if (source.Length == 0 && readOnly)
                {
                    throw MountConfig(type, "must not set ReadOnly mode when using anonymous volumes");
                }
            }
            else if (noCopy)
            {
                throw MountConfig(type, "field VolumeOptions must not be specified");
            }
        }
        catch (InvalidArgumentException e)
        {
            throw new InvalidArgumentException($"invalid volume specification: '{raw}': {e.Message}");
        }
        var destination = CleanPath(target);
        if (type == MountTypes.Bind)
        {
            return new ContainerMountPoint
            {
                Type = type,
                Source = CleanPath(source),
                Destination = destination,
                Mode = mode,
                ReadWrite = !readOnly,
                Propagation = propagation ?? DefaultPropagation,
                CreateSource = true,
            };
        }
        return new ContainerMountPoint
        {
            Type = type,
            Name = source.Length == 0 ? null : source,
            Destination = destination,
            Driver = VolumeService.LocalDriver,
            // Docker reports "z" for a local volume given with -v and no mode.
            Mode = mode.Length == 0 && source.Length > 0 ? "z" : mode,
            ReadWrite = !readOnly,
            CopyData = !noCopy,
        };
    }

    /// <summary>Validates one <c>HostConfig.Mounts</c> entry (<c>--mount</c>); a bind source must exist unless CreateMountpoint.</summary>
    public static ContainerMountPoint ParseMount(MountRequest mount)
    {
        var type = mount.Type;
        var source = mount.Source ?? "";
        if (mount.Target.Length == 0)
        {
            throw MountConfig(type, "field Target must not be empty");
        }
        ValidateTarget(type, mount.Target);
        var destination = CleanPath(mount.Target);
        switch (type)
        {
            case MountTypes.Bind:
                if (source.Length == 0)
                {
                    throw MountConfig(type, "field Source must not be empty");
                }
                if (!string.IsNullOrEmpty(mount.BindPropagation) && !PropagationModes.Contains(mount.BindPropagation))
                {
                    throw MountConfig(type, $"invalid propagation mode: {mount.BindPropagation}");
                }
                if (mount.HasVolumeOptions)
                {
                    throw MountConfig(type, "field VolumeOptions must not be specified");
                }
                if (!source.StartsWith('/'))
                {
                    throw MountConfig(type, $"invalid mount path: '{source}' mount path must be absolute");
                }
                if (!Path.Exists(source) && !mount.BindCreateMountpoint)
                {
                    throw MountConfig(type, $"bind source path does not exist: {source}");
                }
                return new ContainerMountPoint
                {
                    Type = type,
                    Source = CleanPath(source),
                    Destination = destination,
                    ReadWrite = !mount.ReadOnly,
                    Propagation = string.IsNullOrEmpty(mount.BindPropagation) ? DefaultPropagation : mount.BindPropagation,
                    CreateSource = mount.BindCreateMountpoint,
                };
            case MountTypes.Volume:
                if (mount.HasBindOptions)
                {
                    throw MountConfig(type, "field BindOptions must not be specified");
                }
                if (!string.IsNullOrEmpty(mount.VolumeSubpath))
                {
                    throw MountConfig(type, source.Length == 0 ? "must not set Subpath when using anonymous volumes" : "volume subpaths are not supported");
                }
                if (mount.ReadOnly && source.Length == 0)
                {
                    throw MountConfig(type, "must not set ReadOnly mode when using anonymous volumes");
                }
                return new ContainerMountPoint
                {
                    Type = type,
                    Name = source.Length == 0 ? null : source,
                    Destination = destination,
                    Driver = string.IsNullOrEmpty(mount.VolumeDriver) ? VolumeService.LocalDriver : mount.VolumeDriver,
                    ReadWrite = !mount.ReadOnly,
                    CopyData = !mount.VolumeNoCopy,
                };
            case MountTypes.Tmpfs:
                if (mount.HasBindOptions)
                {
                    throw MountConfig(type, "field BindOptions must not be specified");
                }
                if (source.Length > 0)
                {
                    throw MountConfig(type, "field Source must not be specified");
                }
                return new ContainerMountPoint
                {
                    Type = type,
                    Destination = destination,
                    ReadWrite = !mount.ReadOnly,
                    TmpfsData = TmpfsData(mount.TmpfsSizeBytes, mount.TmpfsMode, mount.ReadOnly),
                };
            default:
                throw MountConfig(type, "mount type unknown");
        }
    }

    /// <summary>Parses a <c>--volumes-from</c> entry into the container and its mode (<c>rw</c> when none is given).</summary>
    public static (string Container, string Mode) ParseVolumesFrom(string spec)
    {
        if (spec.Length == 0)
        {
            throw new InvalidArgumentException("volumes-from specification cannot be an empty string");
        }
        var colon = spec.IndexOf(':');
        if (colon < 0 || colon == spec.Length - 1)
        {
            return (colon < 0 ? spec : spec[..colon], "rw");
        }
        var mode = spec[(colon + 1)..];
        var modes = mode.Split(',');
        if (!IsValidMode(mode) || modes.Any(PropagationModes.Contains) || modes.Any(CopyModes.Contains))
        {
            throw new InvalidArgumentException($"invalid mode: {mode}");
        }
        return (spec[..colon], mode);
    }

    /// <summary>Validates a <c>--tmpfs</c> destination and returns the mount point (shown nowhere; mounted at start).</summary>
    public static ContainerMountPoint ParseTmpfs(string destination, string? options)
    {
        if (destination.Length == 0 || !destination.StartsWith('/'))
        {
            throw new InvalidArgumentException($"invalid mount path: '{destination}' mount path must be absolute");
        }
        if (CleanPath(destination) == "/")
        {
            throw new InvalidArgumentException("invalid specification: destination can't be '/'");
        }
        var data = options ?? "";
        return new ContainerMountPoint
        {
            Type = MountTypes.Tmpfs,
            Destination = CleanPath(destination),
            ReadWrite = !data.Split(',').Contains("ro"),
            TmpfsData = data,
        };
    }

    /// <summary>Options of a tmpfs mount in the OCI spec: Docker's <c>noexec,nosuid,nodev,rprivate</c>, then the user's data; later options win.</summary>
    public static IReadOnlyList<string> TmpfsOptions(string data)
    {
        var merged = new List<string>();
        foreach (var option in (IEnumerable<string>)["noexec", "nosuid", "nodev", DefaultPropagation, .. data.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)])
        {
            var key = option.Split('=')[0];
            var opposite = key.StartsWith("no", StringComparison.Ordinal) ? key[2..] : "no" + key;
            merged.RemoveAll(o => o == opposite || o.Split('=')[0] == key || (key is "ro" or "rw" && o is "ro" or "rw"));
            merged.Add(option);
        }
        return merged;
    }

    /// <summary>Docker's rendering of tmpfs size and mode: the largest exact unit (<c>size=64m</c>), octal mode.</summary>
    public static string TmpfsData(long sizeBytes, uint mode, bool readOnly)
    {
        var options = new List<string>();
        if (readOnly)
        {
            options.Add("ro");
        }
        if (mode != 0)
        {
            options.Add("mode=" + Convert.ToString(mode, 8));
        }
        if (sizeBytes != 0)
        {
            var (size, suffix) = sizeBytes % (1L << 30) == 0 ? (sizeBytes >> 30, "g")
                : sizeBytes % (1L << 20) == 0 ? (sizeBytes >> 20, "m")
                : sizeBytes % (1L << 10) == 0 ? (sizeBytes >> 10, "k")
                : (sizeBytes, "");
            options.Add("size=" + size.ToString(CultureInfo.InvariantCulture) + suffix);
        }
        return string.Join(',', options);
    }

    /// <summary>True when <paramref name="mode"/> is a comma list with at most one of each kind of mode.</summary>
    public static bool IsValidMode(string mode)
    {
        if (mode.Length == 0)
        {
            return true;
        }
        int rw = 0, label = 0, propagation = 0, copy = 0, consistency = 0;
        foreach (var option in mode.Split(','))
        {
            if (ReadWriteModes.Contains(option))
            {
                rw++;
            }
            else if (LabelModes.Contains(option))
            {
                label++;
            }
            else if (PropagationModes.Contains(option))
            {
                propagation++;
            }
            else if (CopyModes.Contains(option))
            {
                copy++;
            }
            else if (ConsistencyModes.Contains(option))
            {
                consistency++;
            }
            else
            {
                return false;
            }
        }
        return rw <= 1 && label <= 1 && propagation <= 1 && copy <= 1 && consistency <= 1;
    }

    /// <summary>Lexically cleaned absolute path (Go's <c>path.Clean</c>).</summary>
    public static string CleanPath(string path) => UnixPath.Clean(path);

    private static void ValidateTarget(string type, string target)
    {
        if (target.Length == 0)
        {
            throw MountConfig(type, "field Target must not be empty");
        }
        if (target.StartsWith('/') && CleanPath(target) == "/")
        {
            throw MountConfig(type, "invalid specification: destination can't be '/'");
        }
        if (!target.StartsWith('/'))
        {
            throw MountConfig(type, $"invalid mount path: '{target}' mount path must be absolute");
        }
    }

    private static InvalidArgumentException InvalidSpec(string raw) => new($"invalid volume specification: '{raw}'");

    private static InvalidArgumentException MountConfig(string type, string problem) =>
        new($"invalid mount config for type \"{type}\": {problem}");
}
