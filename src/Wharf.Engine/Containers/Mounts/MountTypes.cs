namespace Wharf.Engine.Containers.Mounts;

/// <summary>Docker's mount type names.</summary>
public static class MountTypes
{
    /// <summary>A host path.</summary>
    public const string Bind = "bind";

    /// <summary>A named or anonymous volume.</summary>
    public const string Volume = "volume";

    /// <summary>A tmpfs.</summary>
    public const string Tmpfs = "tmpfs";
}
