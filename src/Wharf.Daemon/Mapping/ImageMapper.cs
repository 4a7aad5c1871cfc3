using Wharf.Api.Json;
using Wharf.Core.Oci;
using Wharf.Engine.Images;
using Wire = Wharf.Api.Models;

namespace Wharf.Daemon.Mapping;

/// <summary>Maps engine image records to the image wire models.</summary>
public static class ImageMapper
{
    /// <summary>One <c>/images/json</c> entry.</summary>
    public static Wire.ImageSummary ToSummary(ImageRecord image) => new()
    {
        Id = image.Id.ToString(),
        ParentId = image.Parent?.ToString() ?? "",
        RepoTags = image.RepoTags.Select(Familiar).ToList(),
        RepoDigests = image.RepoDigests.Select(Familiar).ToList(),
        Created = image.Created.ToUnixTimeSeconds(),
        Size = image.Size,
        VirtualSize = image.Size,
        SharedSize = -1,
        Labels = image.Labels.ToDictionary(),
        Containers = -1,
    };

    /// <summary>Image inspect; <c>ContainerConfig</c> is always an object.</summary>
    public static Wire.ImageInspect ToInspect(ImageRecord image, string driver)
    {
        var config = image.Config;
        return new Wire.ImageInspect
        {
            Id = image.Id.ToString(),
            RepoTags = image.RepoTags.Select(Familiar).ToList(),
            RepoDigests = image.RepoDigests.Select(Familiar).ToList(),
            Parent = image.Parent?.ToString() ?? config.Parent ?? "",
            Comment = config.Comment ?? "",
            Created = DockerTime.Format(config.Created ?? image.Created),
            ContainerConfig = ToWireConfig(config.ContainerConfig),
            DockerVersion = config.DockerVersion ?? "",
            Author = config.Author ?? "",
            Config = ToWireConfig(config.Config),
            Architecture = config.Architecture,
            Variant = config.Variant,
            Os = config.Os,
            Size = image.Size,
            VirtualSize = image.Size,
            GraphDriver = new Wire.GraphDriverData { Name = driver },
            RootFs = new Wire.ImageRootFs { Type = config.RootFs.Type, Layers = config.RootFs.DiffIds.ToList() },
        };
    }

    /// <summary>An image's runtime config as Docker's container <c>Config</c> (an empty one when absent).</summary>
    public static Wire.ContainerConfig ToWireConfig(ImageRuntimeConfig? c)
    {
        if (c is null)
        {
            return new Wire.ContainerConfig();
        }
        return new Wire.ContainerConfig
        {
            Hostname = c.Hostname ?? "",
            Domainname = c.Domainname ?? "",
            User = c.User ?? "",
            AttachStdin = c.AttachStdin ?? false,
            AttachStdout = c.AttachStdout ?? false,
            AttachStderr = c.AttachStderr ?? false,
            ExposedPorts = c.ExposedPorts,
            Tty = c.Tty ?? false,
            OpenStdin = c.OpenStdin ?? false,
            StdinOnce = c.StdinOnce ?? false,
            Env = c.Env,
            Cmd = c.Cmd,
            Healthcheck = c.Healthcheck is { } h ? new Wire.HealthConfig
            {
                Test = h.Test,
                Interval = h.Interval ?? 0,
                Timeout = h.Timeout ?? 0,
                StartPeriod = h.StartPeriod ?? 0,
                StartInterval = h.StartInterval ?? 0,
                Retries = h.Retries ?? 0,
            } : null,
            Image = c.Image ?? "",
            Volumes = c.Volumes,
            WorkingDir = c.WorkingDir ?? "",
            Entrypoint = c.Entrypoint,
            OnBuild = c.OnBuild,
            Labels = c.Labels ?? [],
            StopSignal = c.StopSignal,
            Shell = c.Shell,
        };
    }

    /// <summary>Docker's familiar form of a stored reference (<c>busybox:latest</c> for <c>docker.io/library/busybox:latest</c>).</summary>
    public static string Familiar(string reference) =>
        Core.References.ImageReference.TryParse(reference, out var parsed) ? parsed.FamiliarString() : reference;
}
