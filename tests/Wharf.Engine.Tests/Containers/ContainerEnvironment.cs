using System.Diagnostics;
using System.Text;
using Wharf.Core.Digests;
using Wharf.Core.Oci;
using Wharf.Engine.Containers;
using Wharf.Engine.Images;
using Wharf.Engine.Metadata;
using Wharf.Engine.Runtime.Conmon;
using Wharf.Engine.Snapshots;

namespace Wharf.Engine.Tests.Containers;

/// <summary>
/// Real container stack on private roots under /tmp: SQLite metadata, a snapshotter holding a busybox image, conmon + runc
/// with a private runc root and cgroup parent. <see cref="Restart"/> simulates a daemon restart (new runtime and service on
/// the same roots). Dispose removes every container, mount, runc state, cgroup and directory it made.
/// </summary>
public sealed class ContainerEnvironment : IDisposable
{
    private static readonly string[] Applets = ["sh", "echo", "cat", "sleep", "true", "false", "ls", "hostname", "id", "env", "kill", "printf"];

    public ContainerEnvironment(string storageDriver = "overlay")
    {
        Root = Path.Combine("/tmp", "wharf-ctr-" + Guid.NewGuid().ToString("N")[..12]);
        Options = new EngineOptions
        {
            DataRoot = Path.Combine(Root, "data"),
            ExecRoot = Path.Combine(Root, "exec"),
            CgroupParent = "wharf-test-" + Path.GetFileName(Root),
            StorageDriver = storageDriver,
        };
        Database = new MetadataDatabase(Options.DatabasePath, [.. SnapshotSchema.Migrations, .. ContainerSchema.Migrations]);
        Store = new ContainerStore(Database);
        Snapshotter = SnapshotterFactory.Create(Options, Database);
        Images.Add(CreateBusyboxImage());
        Runtime = new ConmonRuntime(Options);
        Service = new ContainerService(Options, Store, Images, Snapshotter, Runtime);
    }

    public string Root { get; }

    public EngineOptions Options { get; }

    public MetadataDatabase Database { get; }

    public ContainerStore Store { get; }

    public ISnapshotter Snapshotter { get; }

    internal FakeImageStore Images { get; } = new();

    public ConmonRuntime Runtime { get; private set; }

    public ContainerService Service { get; private set; }

    /// <summary>Drops the service and runtime as a killed daemon would (containers keep running), then builds new ones.</summary>
    public void Restart()
    {
        Service.Dispose();
        Runtime.Dispose();
        Runtime = new ConmonRuntime(Options);
        Service = new ContainerService(Options, Store, Images, Snapshotter, Runtime);
    }

    /// <summary>Creates a busybox container running <paramref name="cmd"/>.</summary>
    public async Task<string> CreateAsync(string[] cmd, string? name = null, ContainerHostConfig? hostConfig = null, Func<ContainerConfig, ContainerConfig>? tweak = null)
    {
        var config = new ContainerConfig { Image = "busybox", Cmd = cmd };
        config = tweak?.Invoke(config) ?? config;
        var result = await Service.CreateAsync(new ContainerCreateOptions { Name = name, Config = config, HostConfig = hostConfig ?? new ContainerHostConfig() });
        return result.Id;
    }

    /// <summary>The container's log as text.</summary>
    public async Task<string> LogsAsync(string id)
    {
        var text = new StringBuilder();
        await foreach (var entry in Service.ReadLogsAsync(id, new LogReadOptions()))
        {
            text.Append(Encoding.UTF8.GetString(entry.Bytes));
        }
        return text.ToString();
    }

    private ImageRecord CreateBusyboxImage()
    {
        const string key = "busybox-unpack";
        Snapshotter.Prepare(key, null);
        var fs = Snapshotter.UpperDirectory(key);
        foreach (var dir in new[] { "bin", "etc", "tmp", "root", "proc", "sys", "dev" })
        {
            Directory.CreateDirectory(Path.Combine(fs, dir));
        }
        File.Copy("/bin/busybox", Path.Combine(fs, "bin", "busybox"));
        foreach (var applet in Applets)
        {
            File.CreateSymbolicLink(Path.Combine(fs, "bin", applet), "busybox");
        }
        File.WriteAllText(Path.Combine(fs, "etc", "passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n");
        File.WriteAllText(Path.Combine(fs, "etc", "group"), "root:x:0:\nnobody:x:65534:\n");
        var chain = Digest.Sha256(Encoding.UTF8.GetBytes(Root));
        Snapshotter.Commit(chain.ToString(), key);
        var config = new ImageConfig { Config = new ImageRuntimeConfig { Cmd = ["sh"], Env = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"] } };
        return new ImageRecord
        {
            Id = Digest.Sha256(Encoding.UTF8.GetBytes("config-" + Root)),
            Config = config,
            RepoTags = ["docker.io/library/busybox:latest"],
            ChainIds = [chain],
            Size = new FileInfo("/bin/busybox").Length,
        };
    }

    public void Dispose()
    {
        foreach (var container in Store.List())
        {
            try
            {
                Service.RemoveAsync(container.Id, force: true).Wait(TimeSpan.FromSeconds(30));
            }
            catch (Exception)
            {
            }
        }
        Service.Dispose();
        Runtime.Dispose();
        var runcRoot = Options.RuntimeRoot;
        if (Directory.Exists(runcRoot))
        {
            foreach (var dir in Directory.GetDirectories(runcRoot))
            {
                Run("runc", "--root", runcRoot, "delete", "--force", Path.GetFileName(dir));
            }
        }
        foreach (var line in File.ReadAllLines("/proc/self/mountinfo").Reverse())
        {
            var mountPoint = line.Split(' ')[4];
            if (mountPoint.StartsWith(Root + "/", StringComparison.Ordinal))
            {
                Run("umount", "-l", mountPoint);
            }
        }
        Database.Dispose();
        // conmon may still be writing its exit files for a moment after the last container died.
        for (var attempt = 0; attempt < 20 && !CleanUp(); attempt++)
        {
            Thread.Sleep(250);
        }
    }

    private bool CleanUp()
    {
        var clean = true;
        foreach (var hierarchy in Directory.Exists("/sys/fs/cgroup") ? Directory.GetDirectories("/sys/fs/cgroup") : [])
        {
            var own = Directory.EnumerateDirectories(hierarchy, Options.CgroupParent,
                new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3, IgnoreInaccessible = true }).ToList();
            foreach (var dir in own)
            {
                try
                {
                    foreach (var child in Directory.GetDirectories(dir))
                    {
                        Directory.Delete(child);
                    }
                    Directory.Delete(dir);
                }
                catch (IOException)
                {
                    clean = false;
                }
            }
        }
        try
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
        }
        catch (IOException)
        {
            clean = false;
        }
        return clean;
    }

    private static void Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit();
    }
}
