using Wharf.Engine.Containers;

namespace Wharf.Engine.Tests.Containers;

/// <summary>Builds container records for store and filter tests.</summary>
internal static class ContainerTestData
{
    public static ContainerRecord Record(string id, string name, DateTimeOffset created, ContainerStatus status = ContainerStatus.Created,
        int exitCode = 0, IReadOnlyDictionary<string, string>? labels = null, string imageId = "sha256:aaaa", bool started = false) => new()
        {
            Id = id,
            Name = name,
            Created = created,
            ImageId = imageId,
            Image = "busybox",
            Config = new ContainerConfig { Image = "busybox", Cmd = ["sh"], Labels = labels ?? new Dictionary<string, string>() },
            HostConfig = new ContainerHostConfig { NetworkMode = "none" },
            Path = "sh",
            Args = ["-c", "true"],
            State = new ContainerState
            {
                Status = status,
                ExitCode = exitCode,
                StartedAt = started || status != ContainerStatus.Created ? created.AddSeconds(1) : null,
            },
        };

    public static string Id(char first, char fill = '0') => first + new string(fill, 63);
}
