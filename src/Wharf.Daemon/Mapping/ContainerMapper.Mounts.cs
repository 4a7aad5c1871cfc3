using Wharf.Engine.Containers;
using Wharf.Engine.Containers.Mounts;
using Wire = Wharf.Api.Models;

namespace Wharf.Daemon.Mapping;

public static partial class ContainerMapper
{
    /// <summary><c>HostConfig.Mounts</c> of a create body as the engine's mount requests.</summary>
    public static IReadOnlyList<MountRequest>? ToEngineMounts(List<Wire.Mount>? mounts) => mounts?.Select(m => new MountRequest
    {
        Type = m.Type,
        Source = m.Source,
        Target = m.Target,
        ReadOnly = m.ReadOnly,
        HasBindOptions = m.BindOptions is not null,
        BindPropagation = m.BindOptions?.Propagation,
        BindCreateMountpoint = m.BindOptions?.CreateMountpoint ?? false,
        HasVolumeOptions = m.VolumeOptions is not null,
        VolumeNoCopy = m.VolumeOptions?.NoCopy ?? false,
        VolumeLabels = m.VolumeOptions?.Labels,
        VolumeDriver = m.VolumeOptions?.DriverConfig?.Name,
        VolumeDriverOptions = m.VolumeOptions?.DriverConfig?.Options,
        VolumeSubpath = m.VolumeOptions?.Subpath,
        TmpfsSizeBytes = m.TmpfsOptions?.SizeBytes ?? 0,
        TmpfsMode = m.TmpfsOptions?.Mode ?? 0,
    }).ToList();

    /// <summary>The engine's mount requests back on the wire (inspect's <c>HostConfig.Mounts</c>).</summary>
    public static List<Wire.Mount>? ToWireMounts(IReadOnlyList<MountRequest>? mounts) => mounts?.Select(m => new Wire.Mount
    {
        Type = m.Type,
        Source = m.Source,
        Target = m.Target,
        ReadOnly = m.ReadOnly,
        BindOptions = m.HasBindOptions
            ? new Wire.BindOptions { Propagation = m.BindPropagation, CreateMountpoint = m.BindCreateMountpoint }
            : null,
        VolumeOptions = m.HasVolumeOptions
            ? new Wire.VolumeOptions
            {
                NoCopy = m.VolumeNoCopy,
                Labels = m.VolumeLabels?.ToDictionary(),
                DriverConfig = m.VolumeDriver is null && m.VolumeDriverOptions is null
                    ? null
                    : new Wire.DriverConfig { Name = m.VolumeDriver ?? "", Options = m.VolumeDriverOptions?.ToDictionary() },
                Subpath = m.VolumeSubpath,
            }
            : null,
        TmpfsOptions = m.TmpfsSizeBytes != 0 || m.TmpfsMode != 0
            ? new Wire.TmpfsOptions { SizeBytes = m.TmpfsSizeBytes, Mode = m.TmpfsMode }
            : null,
    }).ToList();

    /// <summary>The <c>Mounts</c> array of inspect and list: volumes, binds and <c>--mount</c> tmpfs (not <c>--tmpfs</c>, as Docker).</summary>
    public static List<Wire.MountPoint> ToMountPoints(ContainerRecord container)
    {
        var tmpfsFlags = container.HostConfig.Tmpfs ?? new Dictionary<string, string>();
        return (container.HostConfig.MountPoints ?? [])
            .Where(p => p.Type != MountTypes.Tmpfs || !tmpfsFlags.ContainsKey(p.Destination))
            .Select(p => new Wire.MountPoint
            {
                Type = p.Type,
                Name = p.Name,
                Source = p.Source,
                Destination = p.Destination,
                Driver = p.Driver,
                Mode = p.Mode,
                Rw = p.ReadWrite,
                Propagation = p.Propagation,
            })
            .ToList();
    }
}
