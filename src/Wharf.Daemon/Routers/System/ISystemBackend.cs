namespace Wharf.Daemon.Routers.System;

/// <summary>What the system routes need from the engine: counts and storage facts for <c>/info</c>.</summary>
public interface ISystemBackend
{
    /// <summary>Containers by state: total, running, paused, stopped.</summary>
    (int Total, int Running, int Paused, int Stopped) ContainerCounts();

    /// <summary>Number of images.</summary>
    int ImageCount();

    /// <summary>Storage driver name as Docker shows it (<c>overlay2</c>, <c>vfs</c>).</summary>
    string StorageDriver { get; }

    /// <summary>Driver key/value pairs for <c>DriverStatus</c>.</summary>
    IReadOnlyList<string[]> DriverStatus { get; }
}
