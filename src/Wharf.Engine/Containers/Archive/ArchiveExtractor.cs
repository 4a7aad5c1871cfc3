using System.Formats.Tar;
using System.Text;
using Wharf.Core.Errors;
using Wharf.Engine.Filesystem;
using Wharf.Engine.Layers;

namespace Wharf.Engine.Containers.Archive;

/// <summary>
/// Extracts a (plain or compressed) tar into a directory of a container, as Docker's <c>Untar</c>: entry names are
/// relative to the destination and may not climb above it, every parent is resolved inside the container root (a
/// symlink in the container can never lead a write outside it), <c>.wh.</c> names are ordinary files here, and
/// missing parents are created 0755 root-owned.
/// </summary>
public static class ArchiveExtractor
{
    /// <summary>
    /// Extracts <paramref name="tar"/> into <paramref name="destinationPath"/> (an absolute container path already known to be
    /// a directory) of the container whose root is <paramref name="root"/>.
    /// </summary>
    public static void Extract(Stream tar, string root, string destinationPath, ArchiveExtractOptions options, CancellationToken cancellationToken = default)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var directoryTimes = new List<(string Path, DateTimeOffset Time)>();
        using var input = Read(() => LayerDecompression.Open(tar, out _, leaveOpen: true));
        using var reader = new TarReader(input, leaveOpen: true);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entry = Read(() => reader.GetNextEntry(copyData: false));
            if (entry is null)
            {
                break;
            }
            if (entry.EntryType is TarEntryType.GlobalExtendedAttributes)
            {
                continue;
            }
            var components = SplitWithin(entry.Name, destinationPath);
            if (components.Count == 0)
            {
                continue; // "." is the destination itself, which exists; Docker leaves it as it is.
            }
            var parentPath = destinationPath.TrimEnd('/') + "/" + string.Join('/', components.Take(components.Count - 1));
            var parent = EnsureParent(root, parentPath);
            var target = parent.TrimEnd('/') + "/" + components[^1];
            var containerTarget = ArchivePaths.ContainerPath(root, target);
            var isDirectory = entry.EntryType == TarEntryType.Directory;
            var existing = Syscalls.TryLStat(target);
            if (existing is not null)
            {
                if (options.NoOverwriteDirNonDir && existing.IsDirectory && !isDirectory)
                {
                    throw new InvalidArgumentException($"cannot overwrite directory \"{containerTarget}\" with non-directory \"{destinationPath}\"");
                }
                if (options.NoOverwriteDirNonDir && !existing.IsDirectory && isDirectory)
                {
                    throw new InvalidArgumentException($"cannot overwrite non-directory \"{containerTarget}\" with directory \"{destinationPath}\"");
                }
                if (!(existing.IsDirectory && isDirectory))
                {
                    LayerApplier.RemovePath(target, existing);
                }
            }
            Create(root, destinationPath, entry, target, existing is { IsDirectory: true } && isDirectory, options);
            if (isDirectory)
            {
                directoryTimes.Add((target, entry.ModificationTime));
            }
        }
        TarEntryFiles.SetDirectoryTimes(directoryTimes);
    }

    /// <summary>Splits an entry name into clean components; a name that climbs above the destination is refused (Docker's breakout check).</summary>
    public static List<string> SplitWithin(string name, string destinationPath) =>
        TarEntryFiles.TrySplitName(name, name, out var components)
            ? components
            : throw new InvalidArgumentException($"\"{name}\" is outside of \"{destinationPath}\"");

    private static void Create(string root, string destinationPath, TarEntry entry, string target, bool existingDirectory, ArchiveExtractOptions options)
    {
        if (entry.EntryType == TarEntryType.HardLink)
        {
            var linkComponents = SplitWithin(entry.LinkName, destinationPath);
            if (linkComponents.Count == 0)
            {
                throw new InvalidArgumentException($"invalid hard link \"{entry.Name}\" to the destination directory");
            }
            var linkParent = RootedPath.Resolve(root, destinationPath.TrimEnd('/') + "/" + string.Join('/', linkComponents.Take(linkComponents.Count - 1)), followFinalSymlink: true);
            var source = linkParent.TrimEnd('/') + "/" + linkComponents[^1];
            if (Syscalls.TryLStat(source) is not { IsDirectory: false })
            {
                throw new InvalidArgumentException($"invalid hard link \"{entry.Name}\": target \"{entry.LinkName}\" does not exist");
            }
            Syscalls.HardLink(source, target);
            return;
        }
        if (!TarEntryFiles.CreateNode(target, entry, existingDirectory, Read))
        {
            throw new InvalidArgumentException($"unhandled tar header type {(int)entry.EntryType}");
        }
        var (uid, gid) = options.Owner ?? ((uint)entry.Uid, (uint)entry.Gid);
        Syscalls.LChown(target, uid, gid);
        if (entry is PaxTarEntry pax)
        {
            foreach (var (key, value) in pax.ExtendedAttributes)
            {
                if (key.StartsWith("SCHILY.xattr.", StringComparison.Ordinal) && !value.Contains('\uFFFD'))
                {
                    try
                    {
                        Syscalls.LSetXattr(target, key["SCHILY.xattr.".Length..], Encoding.UTF8.GetBytes(value));
                    }
                    catch (IOException)
                    {
                        // As Docker: an xattr the file system refuses does not fail the copy.
                    }
                }
            }
        }
        if (entry.EntryType != TarEntryType.SymbolicLink)
        {
            Syscalls.Chmod(target, (uint)entry.Mode);
        }
        Syscalls.SetTimes(target, entry.ModificationTime);
    }

    /// <summary>Resolves the parent directory inside the root, creating missing directories 0755 as Docker does.</summary>
    private static string EnsureParent(string root, string containerDirectory)
    {
        var resolved = RootedPath.Resolve(root, containerDirectory, followFinalSymlink: true);
        if (resolved == root || Syscalls.TryLStat(resolved) is { IsDirectory: true })
        {
            return resolved;
        }
        var current = "";
        foreach (var part in containerDirectory.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current += "/" + part;
            var step = RootedPath.Resolve(root, current, followFinalSymlink: true);
            var status = Syscalls.TryLStat(step);
            if (status is { IsDirectory: true })
            {
                continue;
            }
            if (status is not null)
            {
                throw new InvalidArgumentException($"cannot extract into {current}: not a directory");
            }
            Directory.CreateDirectory(step);
            Syscalls.Chmod(step, 0b111_101_101);
        }
        return RootedPath.Resolve(root, containerDirectory, followFinalSymlink: true);
    }

    private static T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or FormatException or (ArgumentException and not ArgumentNullException))
        {
            throw new InvalidArgumentException("Error processing tar file: " + e.Message, e);
        }
    }
}
