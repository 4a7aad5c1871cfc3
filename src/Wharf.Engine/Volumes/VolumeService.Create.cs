using Wharf.Core.Errors;

namespace Wharf.Engine.Volumes;

public sealed partial class VolumeService
{
    /// <summary>
    /// Creates a volume (<c>POST /volumes/create</c>). Like Docker, creating a name that exists returns the existing volume
    /// unchanged (labels and options of the request are ignored); only a different driver is a conflict.
    /// </summary>
    public VolumeRecord Create(VolumeCreateOptions options)
    {
        var anonymous = string.IsNullOrEmpty(options.Name);
        var name = anonymous ? VolumeNames.NewAnonymous() : options.Name!;
        var driver = string.IsNullOrEmpty(options.Driver) ? LocalDriver : options.Driver!;
        if (driver != LocalDriver)
        {
            throw new NotFoundException($"create {name}: error looking up volume plugin {driver}: plugin \"{driver}\" not found");
        }
        VolumeNames.Validate(name);
        var driverOptions = new Dictionary<string, string>(options.DriverOptions ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        LocalVolumeOptions.Parse(name, driverOptions);
        var labels = new Dictionary<string, string>(options.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (anonymous)
        {
            labels[VolumeLabels.Anonymous] = "";
        }
        lock (_lock)
        {
            if (_store.Get(name) is { } existing)
            {
                if (existing.Driver != driver)
                {
                    throw new ConflictException($"create {name}: volume name must be unique: driver '{existing.Driver}' already exists with volume name {name}");
                }
                return existing;
            }
            var record = new VolumeRecord
            {
                Name = name,
                Driver = driver,
                CreatedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
                Labels = labels,
                Options = driverOptions,
                Mountpoint = _store.MountpointOf(name),
            };
            // The directory comes first: a crash before the row leaves an unused directory that a later create of the
            // same name adopts, never a row without its data directory.
            var volumeDirectory = Path.GetDirectoryName(record.Mountpoint)!;
            var createdDirectory = !Directory.Exists(volumeDirectory);
            Directory.CreateDirectory(record.Mountpoint);
            Filesystem.Syscalls.Chmod(record.Mountpoint, 0x1ED); // 0755, whatever the umask
            try
            {
                if (!_store.TryInsert(record))
                {
                    throw new ConflictException($"create {name}: volume name must be unique");
                }
            }
            catch when (createdDirectory)
            {
                Directory.Delete(volumeDirectory, recursive: true);
                throw;
            }
            Wharf.Engine.Events.VolumeEvents.Publish(Events, "create", record.Name, record.Driver);
            return record;
        }
    }
}
