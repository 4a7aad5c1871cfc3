using Wharf.Engine.Runtime;
using Wharf.Engine.Runtime.Conmon;
using Wharf.Engine.Runtime.Spec;

namespace Wharf.Engine.Tests.Runtime;

/// <summary>A private exec root (runc root, exits) and a busybox rootfs under /tmp, removed on dispose.</summary>
public sealed class BusyboxBundle : IDisposable
{
    private static readonly string[] s_applets = ["sh", "echo", "cat", "sleep", "true", "false", "stty", "wc", "id", "env", "printf", "head", "ls", "hostname", "tr", "yes", "dd", "kill"];

    public BusyboxBundle()
    {
        Root = Path.Combine("/tmp", "wharf-rt-" + Guid.NewGuid().ToString("N")[..12]);
        Options = new EngineOptions { ExecRoot = Path.Combine(Root, "exec"), DataRoot = Path.Combine(Root, "data"), CgroupParent = "wharf-test-" + Path.GetFileName(Root) };
        Rootfs = Path.Combine(Root, "rootfs");
        Directory.CreateDirectory(Path.Combine(Rootfs, "bin"));
        Directory.CreateDirectory(Path.Combine(Rootfs, "etc"));
        Directory.CreateDirectory(Path.Combine(Rootfs, "tmp"));
        Directory.CreateDirectory(Path.Combine(Rootfs, "root"));
        File.Copy("/bin/busybox", Path.Combine(Rootfs, "bin", "busybox"));
        foreach (var applet in s_applets)
            File.CreateSymbolicLink(Path.Combine(Rootfs, "bin", applet), "busybox");
        File.WriteAllText(Path.Combine(Rootfs, "etc", "passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n");
        File.WriteAllText(Path.Combine(Rootfs, "etc", "group"), "root:x:0:\nnobody:x:65534:\n");
        Runtime = new ConmonRuntime(Options);
        Builder = new OciSpecBuilder(Options);
    }

    public string Root { get; }

    public string Rootfs { get; }

    public EngineOptions Options { get; }

    public ConmonRuntime Runtime { get; }

    public OciSpecBuilder Builder { get; }

    /// <summary>Writes a bundle for <paramref name="args"/> and returns (id, bundle dir, log path).</summary>
    public (string Id, string Bundle, string Log) Prepare(IReadOnlyList<string> args, bool tty = false, bool stdin = false, Func<ContainerSpecRequest, ContainerSpecRequest>? tweak = null)
    {
        var id = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        var bundle = Path.Combine(Root, "containers", id);
        var request = new ContainerSpecRequest { Id = id, RootfsPath = Rootfs, Args = args, Tty = tty, OpenStdin = stdin };
        if (tweak != null)
            request = tweak(request);
        OciSpecBuilder.WriteConfig(Builder.Build(request), bundle);
        return (id, bundle, Path.Combine(bundle, "ctr.log"));
    }

    public void Dispose()
    {
        Runtime.Dispose();
        var runcRoot = Options.RuntimeRoot;
        if (Directory.Exists(runcRoot))
        {
            foreach (var dir in Directory.GetDirectories(runcRoot))
            {
                using var p = System.Diagnostics.Process.Start("runc", ["--root", runcRoot, "delete", "--force", Path.GetFileName(dir)]);
                p.WaitForExit();
            }
        }
        foreach (var hierarchy in Directory.Exists("/sys/fs/cgroup") ? Directory.GetDirectories("/sys/fs/cgroup") : [])
        {
            foreach (var own in CgroupDirs(hierarchy))
            {
                try
                {
                    Directory.Delete(own);
                }
                catch (IOException)
                {
                }
            }
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private IEnumerable<string> CgroupDirs(string hierarchy)
    {
        // The container cgroups are removed by runc delete; the parent directory runc created stays behind.
        return Directory.EnumerateDirectories(hierarchy, Options.CgroupParent, new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3, IgnoreInaccessible = true });
    }
}
