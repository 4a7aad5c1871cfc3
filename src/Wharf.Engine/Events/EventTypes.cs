namespace Wharf.Engine.Events;

/// <summary>Docker's event types (<c>events.Type</c>).</summary>
public static class EventTypes
{
    /// <summary>Container lifecycle, exec and health events.</summary>
    public const string Container = "container";

    /// <summary>Image tag, untag, delete, import, pull… events.</summary>
    public const string Image = "image";

    /// <summary>Network create, connect, disconnect, destroy events.</summary>
    public const string Network = "network";

    /// <summary>Volume create, mount, unmount, destroy events.</summary>
    public const string Volume = "volume";

    /// <summary>Daemon reload events.</summary>
    public const string Daemon = "daemon";
}
