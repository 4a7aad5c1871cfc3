using System.Threading.Channels;

namespace Wharf.Engine.Filesystem;

/// <summary>
/// Removes directory trees off the caller's path: each is renamed into a trash directory on the same file system and
/// deleted by one background worker. Removing a container's files is then one rename on the <c>run --rm</c> path
/// instead of a recursive delete; whatever a crash leaves in the trash is deleted at the next start.
/// </summary>
public sealed class DeferredDeleter : IDisposable
{
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromSeconds(30);
    private readonly string _trash;
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _worker;

    /// <summary>Uses (and creates) <paramref name="trashDirectory"/>, queueing what an earlier run left in it.</summary>
    public DeferredDeleter(string trashDirectory)
    {
        _trash = Path.GetFullPath(trashDirectory);
        Directory.CreateDirectory(_trash);
        foreach (var leftover in Directory.EnumerateFileSystemEntries(_trash))
        {
            _queue.Writer.TryWrite(leftover);
        }
        _worker = Task.Run(DeleteQueuedAsync);
    }

    /// <summary>Takes <paramref name="path"/> away at once (it no longer exists when this returns) and deletes it later.</summary>
    public void Delete(string path)
    {
        if (Syscalls.TryLStat(path) is not { } status)
        {
            return;
        }
        var target = Path.Combine(_trash, Core.Ids.StringIds.NewId());
        try
        {
            // Both are rename(2) on one file system.
            if (status.IsDirectory)
            {
                Directory.Move(path, target);
            }
            else
            {
                File.Move(path, target);
            }
        }
        catch (IOException)
        {
            // Another file system (rename gives EXDEV) or a busy mount point: delete in place, as before.
            DeleteTree(path);
            return;
        }
        if (!_queue.Writer.TryWrite(target))
        {
            DeleteTree(target);
        }
    }

    /// <summary>Deletes a directory tree now: nothing mounted below it is entered, and overlay's root-only work dirs are made deletable.</summary>
    public static void DeleteTree(string path)
    {
        if (Syscalls.TryLStat(path) is not { } status)
        {
            return;
        }
        if (!status.IsDirectory)
        {
            File.Delete(path);
            return;
        }
        DetachMountsBelow(path);
        // Overlay work dirs can hold entries only root may remove (d--------- work/work); make them deletable.
        foreach (var sub in Directory.EnumerateDirectories(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            if (Syscalls.TryLStat(sub) is { IsDirectory: true })
            {
                Syscalls.Chmod(sub, 0b111_000_000);
            }
        }
        Directory.Delete(path, recursive: true);
    }

    /// <summary>Finishes the queued deletions (bounded wait); what is left stays in the trash for the next start.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _worker.Wait(s_drainTimeout);
    }

    private async Task DeleteQueuedAsync()
    {
        await foreach (var path in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                DeleteTree(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left in the trash: the next start tries again.
            }
        }
    }

    /// <summary>A recursive delete must never reach into a mounted file system (a volume, a leftover rootfs).</summary>
    private static void DetachMountsBelow(string path)
    {
        var root = Path.GetFullPath(path).TrimEnd('/');
        foreach (var mountPoint in MountTable.MountsUnder(root).Where(m => m != root).OrderByDescending(m => m.Length))
        {
            try
            {
                Syscalls.Unmount(mountPoint, Syscalls.UnmountDetach);
            }
            catch (IOException)
            {
            }
        }
    }
}
