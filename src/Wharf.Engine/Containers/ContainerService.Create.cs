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
        var hostConfig = request.HostConfig with { NetworkMode = ResolveNetworkMode(request.HostConfig.NetworkMode) };
        RuntimePath(hostConfig);
        ContainerBinds.Validate(hostConfig.Binds);
        var name = string.IsNullOrEmpty(request.Name) ? GenerateName() : ContainerNames.Validate(request.Name);
        if (_store.GetByName(name) is { } owner)
        {
            throw ContainerStore.NameConflict(name, owner.Id);
        }

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
            var files = _hostFiles.Write(directory, hostname, config.Domainname, hostConfig.NetworkMode);
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
            return Task.FromResult(new ContainerCreateResult(id, []));
        }
        catch
        {
            if (prepared)
            {
                TryRemoveSnapshot(id);
            }
            TryDeleteDirectory(directory);
            throw;
        }
    }

    /// <summary>Until the bridge network exists, the default network is <c>none</c>.</summary>
    private static string ResolveNetworkMode(string? mode) => mode switch
    {
        null or "" or "default" or "bridge" => "none",
        "none" or "host" => mode,
        _ when mode.StartsWith("container:", StringComparison.Ordinal) =>
            throw new InvalidArgumentException($"network mode {mode} is not supported yet"),
        _ => throw new NotFoundException($"network {mode} not found"),
    };

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
