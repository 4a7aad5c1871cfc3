using System.Globalization;
using Wharf.Engine.Volumes;
using Wire = Wharf.Api.Models;

namespace Wharf.Daemon.Mapping;

/// <summary>Maps engine volume records to the volume wire model.</summary>
public static class VolumeMapper
{
    /// <summary>A volume as inspect/list/create show it; <paramref name="usage"/> only for <c>system df</c>.</summary>
    public static Wire.Volume ToApi(VolumeRecord volume, VolumeUsage? usage = null) => new()
    {
        Name = volume.Name,
        Driver = volume.Driver,
        Mountpoint = volume.Mountpoint,
        CreatedAt = volume.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        Labels = new Dictionary<string, string>(volume.Labels, StringComparer.Ordinal),
        Scope = "local",
        Options = new Dictionary<string, string>(volume.Options, StringComparer.Ordinal),
        UsageData = usage is null ? null : new Wire.VolumeUsageData { Size = usage.Size, RefCount = usage.RefCount },
    };
}
