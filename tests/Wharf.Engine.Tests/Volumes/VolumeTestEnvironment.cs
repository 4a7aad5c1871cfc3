using Wharf.Engine.Metadata;
using Wharf.Engine.Tests.Filesystem;
using Wharf.Engine.Volumes;

namespace Wharf.Engine.Tests.Volumes;

/// <summary>A volume service on its own temp data root; disposing detaches any mounts under it and deletes it.</summary>
public sealed class VolumeTestEnvironment : IDisposable
{
    private readonly List<MetadataDatabase> _databases = [];

    public VolumeTestEnvironment()
    {
        Root = new TempDirectory("wharf-volume-test");
        Service = Open();
    }

    public TempDirectory Root { get; }

    public string DataRoot => Root.Sub("data");

    public VolumeService Service { get; }

    /// <summary>A second service over the same database and data root (what a restarted daemon sees).</summary>
    public VolumeService Open()
    {
        var database = new MetadataDatabase(Path.Combine(DataRoot, "wharf.db"), VolumeSchema.Migrations);
        _databases.Add(database);
        return new VolumeService(new EngineOptions { DataRoot = DataRoot }, database);
    }

    /// <summary>The file system type mounted exactly at <paramref name="path"/>, or null.</summary>
    public static string? MountType(string path)
    {
        string? type = null;
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            var fields = line.Split(' ');
            if (fields[4] == path)
            {
                var separator = Array.IndexOf(fields, "-");
                type = fields[separator + 1];
            }
        }
        return type;
    }

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
        Root.Dispose();
    }
}
