using Wharf.Core.Errors;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// Creates a container: resolves the image (404 <c>No such image</c>), merges its defaults, checks the name, prepares the
    /// rootfs snapshot and writes hostname/hosts/resolv.conf. Either everything exists afterwards or nothing does.
    /// </summary>
    public Task<ContainerCreateResult> CreateAsync(ContainerCreateOptions request, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var image = _images.Resolve(request.Config.Image);
        var config = ContainerConfigMerger.Merge(request.Config, image.Config.Config);
        config = ApplyLifecycleConfig(config, image.Config.Config?.Healthcheck, request.HostConfig);
        var hostConfig = ResolveNetworking(request.HostConfig);
        RuntimePath(hostConfig);
        var resourceWarnings = new List<string>();
        hostConfig = ValidateResources(hostConfig, config, resourceWarnings);
        var mountPlan = PlanMounts(config, hostConfig);
        var name = string.IsNullOrEmpty(request.Name) ? GenerateName() : ContainerNames.Validate(request.Name);
        if (_store.GetByName(name) is { } owner)
        {
            throw ContainerStore.NameConflict(name, owner.Id);
        }
        hostConfig = CheckNameResolution(hostConfig, name);

        var id = ContainerNames.NewId();
        var hostname = config.Hostname.Length > 0 ? config.Hostname
            : hostConfig.NetworkMode == "host" ? Environment.MachineName
            : id[..12];
        config = config with { Hostname = hostname, Image = request.Config.Image };
        var (path, args) = ContainerConfigMerger.EntrypointAndArgs(config);

        var directory = ContainerDirectory(id);
        var prepared = false;
        try
        {
            Directory.CreateDirectory(directory);
            _snapshotter.Prepare(id, image.TopSnapshot);
            prepared = true;
            hostConfig = CreateMounts(id, hostConfig, mountPlan);
            var files = _hostFiles.Write(directory, hostname, config.Domainname, hostConfig);
            var record = new ContainerRecord
            {
                Id = id,
                Name = name,
                Created = DateTimeOffset.UtcNow,
                ImageId = image.Id.ToString(),
                Image = request.Config.Image,
                Config = config,
                HostConfig = hostConfig,
                Path = path,
                Args = args,
                LogPath = Path.Combine(directory, "container.log"),
                HostnamePath = files.Hostname,
                HostsPath = files.Hosts,
                ResolvConfPath = files.ResolvConf,
                Driver = _snapshotter.Name,
            };
            _store.Add(record);
            Emit("create", record);
            return Task.FromResult(new ContainerCreateResult(id, resourceWarnings));
        }
        catch
        {
            ReleaseMounts(id, removeAnonymous: true);
            if (prepared)
            {
                TryRemoveSnapshot(id);
            }
            TryDeleteDirectory(directory);
            throw;
        }
    }

    private string GenerateName()
    {
        for (var retry = 0; retry < 64; retry++)
        {
            var name = ContainerNames.Generate(retry > 5 ? retry : 0);
            if (_store.GetByName(name) is null)
            {
                return name;
            }
        }
        return "wharf_" + ContainerNames.NewId()[..12];
    }

    private void TryRemoveSnapshot(string id)
    {
        try
        {
            if (_snapshotter.Stat(id) is not null)
            {
                _snapshotter.Remove(id);
            }
        }
        catch (Exception e) when (e is IOException or WharfException or UnauthorizedAccessException)
        {
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
