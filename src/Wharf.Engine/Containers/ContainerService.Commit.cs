using Wharf.Core.Errors;
using Wharf.Core.Oci;
using Wharf.Engine.Containers.Archive;
using Wharf.Engine.Images;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// <c>docker commit</c>: the container's changes become a new layer over its image; the new config is the container's
    /// config with the body's fields and the <c>--change</c> instructions applied, plus a history entry. A running container
    /// is paused while its changes are read unless <see cref="ContainerCommitOptions.Pause"/> is false.
    /// </summary>
    public async Task<ImageRecord> CommitAsync(string nameOrId, ContainerCommitOptions options, ImageService images, CancellationToken ct = default)
    {
        var container = _store.Resolve(nameOrId);
        var reference = ImageService.CommitReference(options.Repository, options.Tag);
        var parent = images.TryResolve(container.ImageId) ?? throw new NotFoundException($"No such image: {container.ImageId}");
        var parentConfig = ImageConfig.Parse(images.Store.ConfigBytes(parent.Id) ?? throw new NotFoundException($"No such image: {parent.Id}"));
        // Validate the changes before anything is paused or written.
        var runtimeConfig = ImageChanges.Apply(MergeCommitConfig(container, parentConfig.Config, options.Config), options.Changes);

        var temp = Path.Combine(_options.DataRoot, "tmp");
        Directory.CreateDirectory(temp);
        var layerPath = Path.Combine(temp, "commit-" + Guid.NewGuid().ToString("N") + ".tar");
        try
        {
            var pausedHere = false;
            if (options.Pause && container.State.Running && !container.State.Paused)
            {
                await PauseAsync(container.Id, ct).ConfigureAwait(false);
                pausedHere = true;
            }
            try
            {
                await Task.Run(() =>
                {
                    var changes = CollectChanges(container, ct);
                    using var file = new FileStream(layerPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                    ChangesArchiver.Write(changes, _snapshotter.UpperDirectory(container.Id), file, ct);
                }, ct).ConfigureAwait(false);
            }
            finally
            {
                if (pausedHere)
                {
                    try
                    {
                        await UnpauseAsync(container.Id, CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (WharfException)
                    {
                        // Stopped or unpaused meanwhile: nothing to thaw.
                    }
                }
            }
            var created = DateTimeOffset.UtcNow;
            var config = new ImageConfig
            {
                Created = created,
                Author = NullIfEmpty(options.Author),
                Architecture = parentConfig.Architecture,
                Os = parentConfig.Os,
                Variant = parentConfig.Variant,
                Config = runtimeConfig,
                ContainerConfig = MergeCommitConfig(container, parentConfig.Config, null),
                RootFs = parentConfig.RootFs,
                History = parentConfig.History,
                Comment = NullIfEmpty(options.Comment),
                Parent = parent.Id.ToString(),
            };
            var history = new HistoryEntry
            {
                Created = created,
                CreatedBy = string.Join(' ', container.Config.Entrypoint ?? []) is { Length: > 0 } entry
                    ? entry + " " + string.Join(' ', container.Config.Cmd ?? [])
                    : string.Join(' ', container.Config.Cmd ?? []),
                Author = NullIfEmpty(options.Author),
                Comment = NullIfEmpty(options.Comment),
            };
            ImageRecord image;
            await using (var layer = new FileStream(layerPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
            {
                image = await images.CommitLayerAsync(layer, new ImageCommitRequest { Parent = parent, Config = config, History = history, Reference = reference }, ct)
                    .ConfigureAwait(false);
            }
            await StoreLayerBlobAsync(images, image, layerPath, ct).ConfigureAwait(false);
            Emit("commit", container, ("comment", options.Comment ?? ""));
            return image;
        }
        finally
        {
            File.Delete(layerPath);
        }
    }

    /// <summary>
    /// Keeps the diff tar as an uncompressed layer blob in the content store, so that the committed image can be saved or
    /// pushed like a pulled one: its digest is the layer's DiffID (the last of <c>rootfs.diff_ids</c>), which a manifest
    /// names with media type <see cref="MediaTypes.OciLayer"/>. A blob that differs from the recorded DiffID is not kept.
    /// </summary>
    private static async Task StoreLayerBlobAsync(ImageService images, ImageRecord image, string layerPath, CancellationToken ct)
    {
        var diffIds = ImageConfig.Parse(images.Store.ConfigBytes(image.Id) ?? throw new NotFoundException($"No such image: {image.Id}")).RootFs.DiffIds;
        var diffId = Core.Digests.Digest.Parse(diffIds[^1]);
        if (images.Store.Content.Exists(diffId))
        {
            return;
        }
        await using var layer = new FileStream(layerPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await images.Store.Content.WriteAsync(layer, diffId, layer.Length, ct).ConfigureAwait(false);
    }

    /// <summary>The runtime config of the committed image: the container's, fields the image had that containers do not carry, then the body's overrides.</summary>
    private static ImageRuntimeConfig MergeCommitConfig(ContainerRecord container, ImageRuntimeConfig? image, ImageRuntimeConfig? overrides)
    {
        var c = container.Config;
        var config = new ImageRuntimeConfig
        {
            Hostname = c.Hostname,
            Domainname = c.Domainname,
            User = c.User,
            AttachStdin = c.AttachStdin,
            AttachStdout = c.AttachStdout,
            AttachStderr = c.AttachStderr,
            ExposedPorts = c.ExposedPorts is { Count: > 0 } ports ? ports.ToDictionary(p => p, _ => new EmptyObject()) : null,
            Tty = c.Tty,
            OpenStdin = c.OpenStdin,
            StdinOnce = c.StdinOnce,
            Env = c.Env?.ToList(),
            Cmd = c.Cmd?.ToList(),
            Healthcheck = image?.Healthcheck,
            Image = container.ImageId,
            Volumes = c.Volumes is { Count: > 0 } volumes ? volumes.ToDictionary(v => v, _ => new EmptyObject()) : null,
            WorkingDir = c.WorkingDir,
            Entrypoint = c.Entrypoint?.ToList(),
            OnBuild = image?.OnBuild,
            Labels = c.Labels?.ToDictionary(l => l.Key, l => l.Value) ?? [],
            StopSignal = NullIfEmpty(c.StopSignal),
            Shell = image?.Shell,
        };
        if (overrides is null)
        {
            return config;
        }
        config.User = NullIfEmpty(overrides.User) ?? config.User;
        config.WorkingDir = NullIfEmpty(overrides.WorkingDir) ?? config.WorkingDir;
        config.StopSignal = NullIfEmpty(overrides.StopSignal) ?? config.StopSignal;
        if (overrides.Cmd is { Count: > 0 })
        {
            config.Cmd = overrides.Cmd;
        }
        if (overrides.Entrypoint is { Count: > 0 })
        {
            config.Entrypoint = overrides.Entrypoint;
            if (overrides.Cmd is not { Count: > 0 })
            {
                config.Cmd = null;
            }
        }
        if (overrides.Env is { Count: > 0 })
        {
            var env = (config.Env ?? []).ToList();
            foreach (var variable in overrides.Env)
            {
                var key = variable.Split('=')[0];
                env.RemoveAll(e => e.Split('=')[0] == key);
                env.Add(variable);
            }
            config.Env = env;
        }
        foreach (var (key, value) in overrides.Labels ?? [])
        {
            (config.Labels ??= [])[key] = value;
        }
        foreach (var (port, value) in overrides.ExposedPorts ?? [])
        {
            (config.ExposedPorts ??= [])[port] = value;
        }
        foreach (var (volume, value) in overrides.Volumes ?? [])
        {
            (config.Volumes ??= [])[volume] = value;
        }
        config.Healthcheck = overrides.Healthcheck ?? config.Healthcheck;
        config.OnBuild = overrides.OnBuild is { Count: > 0 } ? overrides.OnBuild : config.OnBuild;
        return config;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
