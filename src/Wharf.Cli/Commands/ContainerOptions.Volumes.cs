using System.Text.Json.Nodes;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

internal static partial class ContainerOptions
{
    /// <summary>Declares the volume flags that <see cref="Define"/> does not (<c>-v</c> and <c>--mount</c> are declared there).</summary>
    public static void DefineVolumes(FlagSet flags) => flags
        .List("tmpfs", null, "Mount a tmpfs directory")
        .String("volume-driver", null, "Optional volume driver for the container")
        .List("volumes-from", null, "Mount volumes from the specified container(s)");

    /// <summary>
    /// Maps <c>-v</c> (a spec with a source goes to <c>Binds</c>, a bare path to <c>Config.Volumes</c>), <c>--mount</c>,
    /// <c>--tmpfs</c> and <c>--volumes-from</c> onto the create body, as the docker CLI does.
    /// </summary>
    public static void ApplyVolumes(ParsedFlags flags, JsonObject body, JsonObject hostConfig)
    {
        var binds = new JsonArray();
        var volumes = new JsonObject();
        foreach (var spec in flags.GetList("volume"))
        {
            var colon = spec.IndexOf(':');
            if (colon < 0)
            {
                volumes[spec] = new JsonObject();
                continue;
            }
            var host = spec[..colon];
            // docker makes ./relative host paths absolute before sending them.
            binds.Add((JsonNode?)JsonValue.Create(host == "." || host.StartsWith("./", StringComparison.Ordinal)
                ? Path.GetFullPath(host) + spec[colon..]
                : spec));
        }
        hostConfig["Binds"] = binds;
        body["Volumes"] = volumes;

        var mounts = new JsonArray();
        foreach (var value in flags.GetList("mount"))
        {
            try
            {
                mounts.Add((JsonNode)VolumeMountOption.Parse(value, Environment.CurrentDirectory));
            }
            catch (FormatException e)
            {
                throw new FormatException(VolumeMountOption.FlagError("mount", value, e.Message));
            }
        }
        if (mounts.Count > 0)
        {
            hostConfig["Mounts"] = mounts;
        }

        var tmpfs = new JsonObject();
        foreach (var value in flags.GetList("tmpfs"))
        {
            var colon = value.IndexOf(':');
            tmpfs[colon < 0 ? value : value[..colon]] = colon < 0 ? "" : value[(colon + 1)..];
        }
        if (tmpfs.Count > 0)
        {
            hostConfig["Tmpfs"] = tmpfs;
        }
        var volumesFrom = flags.GetList("volumes-from");
        if (volumesFrom.Count > 0)
        {
            hostConfig["VolumesFrom"] = new JsonArray(volumesFrom.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }
        if (flags.GetStringOrNull("volume-driver") is { Length: > 0 } driver)
        {
            hostConfig["VolumeDriver"] = driver;
        }
    }
}
