using Wharf.Core.Errors;
using Wharf.Engine.Containers.Mounts;
using Wharf.Engine.Filesystem;
using Wharf.Engine.Runtime.Spec;
using Wharf.Engine.Volumes;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>The volume service behind named and anonymous volumes; without it, only binds and tmpfs mounts work.</summary>
    public VolumeService? Volumes { get; set; }

    /// <summary>
    /// Parses and checks every mount of a container about to be created (<c>--volumes-from</c>, <c>-v</c>, <c>--mount</c>,
    /// <c>--tmpfs</c>, the config's and image's <c>VOLUME</c>s) in Docker's order of precedence. Nothing is created here,
    /// so a bad spec is a 400 with nothing left behind.
    /// </summary>
    private MountPlan PlanMounts(ContainerConfig config, ContainerHostConfig hostConfig)
    {
        var byDestination = new Dictionary<string, PlannedMount>(StringComparer.Ordinal);
        foreach (var spec in hostConfig.VolumesFrom ?? [])
        {
            var (source, mode) = MountSpecParser.ParseVolumesFrom(spec);
            ContainerRecord from;
            try
            {
                from = _store.Resolve(source);
            }
            catch (NotFoundException e)
            {
                // A 404 from create makes the docker CLI think the image is missing and try to pull it.
                throw new InvalidArgumentException(e.Message);
            }
            var writable = !mode.Split(',').Contains("ro");
            foreach (var point in from.HostConfig.MountPoints ?? [])
            {
                if (point.Type == MountTypes.Tmpfs)
                {
                    continue;
                }
                byDestination[point.Destination] = new PlannedMount(point with { ReadWrite = point.ReadWrite && writable, Mode = "", CopyData = false }, null, null);
            }
        }
        var userDestinations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var bind in hostConfig.Binds ?? [])
        {
            var point = MountSpecParser.ParseBind(bind);
            AddUserMount(byDestination, userDestinations, new PlannedMount(point, null, null));
        }
        foreach (var mount in hostConfig.Mounts ?? [])
        {
            var point = MountSpecParser.ParseMount(mount);
            AddUserMount(byDestination, userDestinations, new PlannedMount(point, mount.VolumeLabels, mount.VolumeDriverOptions));
        }
        var tmpfs = new List<ContainerMountPoint>();
        foreach (var (destination, options) in hostConfig.Tmpfs ?? new Dictionary<string, string>())
        {
            tmpfs.Add(MountSpecParser.ParseTmpfs(destination, options));
        }
        foreach (var volume in config.Volumes ?? [])
        {
            var destination = MountSpecParser.CleanPath(volume);
            if (!volume.StartsWith('/') || destination == "/")
            {
                throw new InvalidArgumentException($"invalid volume specification: '{volume}'");
            }
            if (byDestination.ContainsKey(destination) || tmpfs.Any(t => t.Destination == destination))
            {
                continue;
            }
            byDestination[destination] = new PlannedMount(new ContainerMountPoint
            {
                Type = MountTypes.Volume,
                Destination = destination,
                Driver = VolumeService.LocalDriver,
                CopyData = true,
            }, null, null);
        }
        foreach (var planned in byDestination.Values)
        {
            if (planned.Point is { Type: MountTypes.Volume, Name: { } name })
            {
                VolumeNames.Validate(name);
            }
        }
        if (Volumes is null && byDestination.Values.Any(p => p.Point.Type == MountTypes.Volume))
        {
            throw new InvalidArgumentException("volumes are not available in this engine");
        }
        return new MountPlan([.. byDestination.Values], tmpfs);
    }

    private static void AddUserMount(Dictionary<string, PlannedMount> byDestination, HashSet<string> userDestinations, PlannedMount planned)
    {
        if (!userDestinations.Add(planned.Point.Destination))
        {
            throw new InvalidArgumentException($"Duplicate mount point: {planned.Point.Destination}");
        }
        byDestination[planned.Point.Destination] = planned;
    }

    /// <summary>
    /// Creates the volumes the plan needs (anonymous ones, and named ones on first use) and records that container
    /// <paramref name="id"/> references them. Returns the host config with the resolved mount points. On failure
    /// <see cref="ReleaseMounts"/> undoes it.
    /// </summary>
    private ContainerHostConfig CreateMounts(string id, ContainerHostConfig hostConfig, MountPlan plan)
    {
        var points = new List<ContainerMountPoint>();
        foreach (var planned in plan.Mounts)
        {
            var point = planned.Point;
            if (point.Type == MountTypes.Volume)
            {
                var volumes = Volumes!;
                var volume = point.Name is { } name && volumes.TryGet(name) is { } existing
                    ? existing
                    : volumes.Create(new VolumeCreateOptions
                    {
                        Name = point.Name,
                        Driver = point.Driver,
                        Labels = planned.Labels,
                        DriverOptions = planned.DriverOptions,
                    });
                volumes.Acquire(volume.Name, id);
                point = point with { Name = volume.Name, Source = volume.Mountpoint, Driver = volume.Driver };
            }
            points.Add(point);
        }
        points.AddRange(plan.Tmpfs);
        return hostConfig with { MountPoints = points };
    }

    /// <summary>Drops the container's volume references; with <paramref name="removeAnonymous"/> its anonymous volumes nobody else uses go too.</summary>
    private void ReleaseMounts(string id, bool removeAnonymous)
    {
        if (Volumes is null)
        {
            return;
        }
        try
        {
            Volumes.ReleaseAll(id, removeAnonymous);
        }
        catch (Exception e) when (e is WharfException or IOException or UnauthorizedAccessException)
        {
            // The container is gone either way; a volume that could not go is left for prune.
        }
    }

    /// <summary>
    /// The OCI mounts of a starting container's volumes, binds and tmpfs mounts, in Docker's form. Volumes are mounted for
    /// the container (devices of volumes with options) and filled from the image while empty (copy-up). The rootfs must be mounted.
    /// </summary>
    private List<SpecMount> StartMounts(ContainerRecord container, string rootfs)
    {
        var mounts = new List<SpecMount>();
        var points = container.HostConfig.MountPoints ?? LegacyBinds(container.HostConfig);
        foreach (var point in points)
        {
            var access = point.ReadWrite ? "rw" : "ro";
            switch (point.Type)
            {
                case MountTypes.Bind:
                    if (point.CreateSource && !Path.Exists(point.Source))
                    {
                        Directory.CreateDirectory(point.Source);
                    }
                    mounts.Add(new SpecMount(point.Source, point.Destination, "bind",
                        ["rbind", access, string.IsNullOrEmpty(point.Propagation) ? MountSpecParser.DefaultPropagation : point.Propagation]));
                    break;
                case MountTypes.Volume:
                    var volumes = Volumes ?? throw new InvalidArgumentException("volumes are not available in this engine");
                    var source = volumes.Mount(point.Name!, container.Id);
                    // Docker's volume "mount" event; a volume's propagation is empty (only binds carry one).
                    Wharf.Engine.Events.VolumeEvents.PublishMount(volumes.Events, point.Name!, VolumeDriver(point), container.Id, point.Destination, point.ReadWrite);
                    if (point.CopyData)
                    {
                        volumes.CopyUp(point.Name!, RootedPath.Resolve(rootfs, point.Destination, followFinalSymlink: true));
                    }
                    mounts.Add(new SpecMount(source, point.Destination, "bind", ["rbind", access, MountSpecParser.DefaultPropagation]));
                    break;
                case MountTypes.Tmpfs:
                    mounts.Add(new SpecMount("tmpfs", point.Destination, "tmpfs", MountSpecParser.TmpfsOptions(point.TmpfsData)));
                    break;
            }
        }
        return mounts;
    }

    /// <summary>The container no longer runs: its volumes' devices may be unmounted by the last user. References stay.</summary>
    private void UnmountVolumes(ContainerRecord container)
    {
        if (Volumes is null)
        {
            return;
        }
        foreach (var point in container.HostConfig.MountPoints ?? [])
        {
            if (point is { Type: MountTypes.Volume, Name: { } name })
            {
                try
                {
                    // Only volumes this container really had mounted (a start may have failed before its mounts).
                    var mounted = Volumes.TryGet(name) is not null && Volumes.MountedBy(name).Contains(container.Id);
                    Volumes.Unmount(name, container.Id);
                    if (mounted)
                    {
                        Wharf.Engine.Events.VolumeEvents.PublishUnmount(Volumes.Events, name, VolumeDriver(point), container.Id);
                    }
                }
                catch (Exception e) when (e is WharfException or IOException)
                {
                    // Recover retries at the next daemon start.
                }
            }
        }
    }

    private static string VolumeDriver(ContainerMountPoint point) => string.IsNullOrEmpty(point.Driver) ? VolumeService.LocalDriver : point.Driver;

    /// <summary>Containers created before mount points were recorded: their <c>-v</c> host binds.</summary>
    private static IEnumerable<ContainerMountPoint> LegacyBinds(ContainerHostConfig hostConfig) =>
        (hostConfig.Binds ?? []).Select(MountSpecParser.ParseBind).Where(p => p.Type == MountTypes.Bind);

    /// <summary>What <see cref="PlanMounts"/> decided: mounts by destination (volumes maybe still unnamed) and <c>--tmpfs</c> mounts.</summary>
    private sealed record MountPlan(IReadOnlyList<PlannedMount> Mounts, IReadOnlyList<ContainerMountPoint> Tmpfs);

    /// <summary>One planned mount with the labels and driver options of a volume it may create.</summary>
    private sealed record PlannedMount(ContainerMountPoint Point, IReadOnlyDictionary<string, string>? Labels, IReadOnlyDictionary<string, string>? DriverOptions);
}
