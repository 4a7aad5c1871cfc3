namespace Wharf.Engine.Containers;

/// <summary>Docker's lowercase names of <see cref="ContainerStatus"/> values.</summary>
public static class ContainerStatusNames
{
    /// <summary>Docker's name, e.g. <c>running</c>.</summary>
    public static string ToDockerString(this ContainerStatus status) => status switch
    {
        ContainerStatus.Created => "created",
        ContainerStatus.Running => "running",
        ContainerStatus.Paused => "paused",
        ContainerStatus.Restarting => "restarting",
        ContainerStatus.Exited => "exited",
        _ => "dead",
    };

    /// <summary>Parses Docker's name; false for unknown names.</summary>
    public static bool TryParse(string? value, out ContainerStatus status)
    {
        foreach (var candidate in Enum.GetValues<ContainerStatus>())
        {
            if (string.Equals(candidate.ToDockerString(), value, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }
        status = ContainerStatus.Dead;
        return false;
    }
}
