namespace Wharf.Engine.Volumes;

/// <summary>Label keys with a meaning to the engine.</summary>
public static class VolumeLabels
{
    /// <summary>Marks an anonymous volume (Docker ≥ 23 sets it with an empty value).</summary>
    public const string Anonymous = "com.docker.volume.anonymous";
}
