using System.Globalization;
using Wharf.Core.Errors;
using Wharf.Engine.Filesystem;
using Wharf.Engine.Runtime.Spec;

namespace Wharf.Engine.Containers;

/// <summary>
/// <c>--ipc</c> as Docker sets it up (<c>setupIPCDirs</c>): a <c>shareable</c> container gets its /dev/shm as a tmpfs mounted
/// on the host (<c>&lt;container dir&gt;/shm</c>) and bound into it, so that a <c>container:&lt;donor&gt;</c> container can
/// bind the same tmpfs next to joining the donor's IPC namespace; <c>host</c> binds the host's /dev/shm; <c>private</c> (the
/// default) keeps a tmpfs of its own inside the container and <c>none</c> has no /dev/shm. The host tmpfs lives while the
/// container runs.
/// </summary>
public sealed partial class ContainerService
{
    private static readonly string[] s_shmBindOptions = ["rbind", "nosuid", "noexec", "nodev"];

    private string ShmDirectory(string id) => Path.Combine(ContainerDirectory(id), "shm");

    /// <summary>The IPC namespace to join (or null) and the /dev/shm binds for the container's spec.</summary>
    private (string? NamespacePath, IReadOnlyList<SpecMount> Mounts) PrepareIpc(ContainerRecord container, IReadOnlyList<SpecMount> mounts)
    {
        var mode = container.HostConfig.IpcMode;
        if (mounts.Any(m => m.Destination.TrimEnd('/') == "/dev/shm"))
        {
            // The user's own /dev/shm mount wins, as in Docker (HasMountFor).
            return (mode.StartsWith("container:", StringComparison.Ordinal) ? JoinIpcDonor(mode).NamespacePath : null, []);
        }
        if (mode.StartsWith("container:", StringComparison.Ordinal))
        {
            var (path, shm) = JoinIpcDonor(mode);
            return (path, [new SpecMount(shm, "/dev/shm", "bind", s_shmBindOptions)]);
        }
        return mode switch
        {
            "host" => (null, [new SpecMount("/dev/shm", "/dev/shm", "bind", s_shmBindOptions)]),
            "shareable" => (null, [new SpecMount(MountShm(container), "/dev/shm", "bind", s_shmBindOptions)]),
            _ => (null, []),
        };
    }

    /// <summary>The donor's IPC namespace and the host path of its /dev/shm (409 when it is not running or not shareable).</summary>
    private (string NamespacePath, string Shm) JoinIpcDonor(string mode)
    {
        var donor = RunningDonor(mode["container:".Length..], "IPC");
        var shm = donor.HostConfig.IpcMode switch
        {
            "host" => "/dev/shm",
            "shareable" => ShmDirectory(donor.Id),
            _ => throw new ConflictException("non-shareable IPC (hint: use IpcMode:shareable for the donor container)"),
        };
        if (shm != "/dev/shm" && !RootfsMounter.IsMounted(shm))
        {
            throw new ConflictException($"cannot join IPC of container {donor.Id}: its /dev/shm is not mounted");
        }
        return ($"/proc/{donor.State.Pid}/ns/ipc", shm);
    }

    /// <summary>Mounts the shareable container's /dev/shm tmpfs on the host (idempotent: a restarted daemon finds it in place).</summary>
    private string MountShm(ContainerRecord container)
    {
        var shm = ShmDirectory(container.Id);
        Directory.CreateDirectory(shm);
        if (!RootfsMounter.IsMounted(shm))
        {
            var size = container.HostConfig.ShmSize > 0 ? container.HostConfig.ShmSize : OciSpecBuilder.DefaultShmSize;
            Syscalls.Mount("shm", shm, "tmpfs", Syscalls.MountNoExec | Syscalls.MountNoSuid | Syscalls.MountNoDev,
                "mode=1777,size=" + size.ToString(CultureInfo.InvariantCulture));
        }
        return shm;
    }

    /// <summary>Takes the host /dev/shm tmpfs down once the container stopped (Docker's <c>unmountIpcMount</c>); its contents are gone.</summary>
    private void UnmountShm(string id)
    {
        var shm = ShmDirectory(id);
        try
        {
            while (RootfsMounter.IsMounted(shm))
            {
                Syscalls.Unmount(shm, Syscalls.UnmountDetach);
            }
        }
        catch (IOException)
        {
        }
    }
}
