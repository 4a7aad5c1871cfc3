using System.Formats.Tar;
using System.Text;
using Wharf.Core.Errors;
using Wharf.Engine.Filesystem;

namespace Wharf.Engine.Layers;

/// <summary>
/// Applies an OCI/Docker layer tar (plain, gzip or zstd) onto a directory: files, directories, symlinks, hard
/// links, devices, fifos, ownership, modes, mtimes, xattrs and whiteouts. Every entry is resolved inside the
/// root (<see cref="RootedPath"/>); an entry that would escape it is refused before anything is written for it.
/// </summary>
public static class LayerApplier
{
    internal const string WhiteoutPrefix = ".wh.";
    internal const string OpaqueWhiteout = ".wh..wh..opq";
    internal const string WhiteoutMetaPrefix = ".wh..wh.";
    internal const string OverlayOpaqueXattr = "trusted.overlay.opaque";
    private const string SchilyXattr = "SCHILY.xattr.";
    private const string LibarchiveXattr = "LIBARCHIVE.xattr.";

    /// <summary>Applies the layer in <paramref name="layer"/> onto <paramref name="root"/> (which must exist); returns the DiffID and unpacked size.</summary>
    /// <remarks>
    /// <paramref name="lowerDirectories"/> (overlay: the parent layers' trees, nearest first) give directories the tar
    /// implies but does not contain the owner, mode and mtime they have below, so the upper copy does not mask them.
    /// </remarks>
    public static LayerApplyResult Apply(Stream layer, string root, WhiteoutMode mode, CancellationToken cancellationToken = default,
        IReadOnlyList<string>? lowerDirectories = null)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"layer root {root} does not exist");
        }
        var compression = Wharf.Core.Oci.LayerCompression.None;
        var tar = Source(() => LayerDecompression.Open(layer, out compression, leaveOpen: true));
        using (tar)
        {
            using var hashing = new HashingReadStream(tar);
            var state = new ApplyState(root, mode, lowerDirectories ?? []);
            using (var reader = new TarReader(hashing, leaveOpen: true))
            {
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var entry = Source(() => reader.GetNextEntry(copyData: false));
                    if (entry is null)
                    {
                        break;
                    }
                    ApplyEntry(state, entry);
                }
            }
            Source(() => { hashing.Drain(); return 0; });
            if (hashing.BytesRead % 512 != 0)
            {
                // TarReader takes a short final header block for the end of the archive; Docker (Go's archive/tar) calls it truncated.
                throw new InvalidArgumentException("invalid tar archive: unexpected EOF");
            }
            state.FinishDirectoryTimes();
            return new LayerApplyResult(hashing.Digest, state.Size, compression);
        }
    }

    /// <summary>Asynchronous <see cref="Apply"/> (runs on the thread pool: the work is file system calls).</summary>
    public static Task<LayerApplyResult> ApplyAsync(Stream layer, string root, WhiteoutMode mode, CancellationToken cancellationToken = default,
        IReadOnlyList<string>? lowerDirectories = null) =>
        Task.Run(() => Apply(layer, root, mode, cancellationToken, lowerDirectories), cancellationToken);

    private static void ApplyEntry(ApplyState state, TarEntry entry)
    {
        if (entry.EntryType == TarEntryType.GlobalExtendedAttributes)
        {
            return; // pax_global_header (git archive) describes the archive, not a file.
        }
        var components = SplitEntryName(entry.Name, entry.Name);
        if (components.Count == 0)
        {
            if (entry.EntryType == TarEntryType.Directory)
            {
                ApplyMetadata(state.Root, entry);
                state.DirectoryTimes.Add((state.Root, entry.ModificationTime));
            }
            return;
        }
        var baseName = components[^1];
        var parentRelative = string.Join('/', components.Take(components.Count - 1));
        var parent = RootedPath.Resolve(state.Root, parentRelative, followFinalSymlink: true);

        if (baseName.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
        {
            ApplyWhiteout(state, parent, parentRelative, baseName, entry);
            return;
        }

        EnsureDirectory(state, parent);
        var target = parent + "/" + baseName;
        var relative = string.Join('/', components);
        var existing = Syscalls.TryLStat(target);
        var isDirectory = entry.EntryType == TarEntryType.Directory;
        if (existing is not null && !(existing.IsDirectory && isDirectory))
        {
            if (entry.EntryType == TarEntryType.HardLink && SameAsHardLinkTarget(state, entry, target))
            {
                return;
            }
            RemovePath(target, existing);
        }
        state.Created.Add(relative);

        if (entry.EntryType == TarEntryType.HardLink)
        {
            Syscalls.HardLink(ResolveHardLinkTarget(state, entry), target);
            return;
        }
        if (!TarEntryFiles.CreateNode(target, entry, existing is { IsDirectory: true }, Source))
        {
            throw new InvalidArgumentException($"invalid tar entry \"{entry.Name}\": unsupported entry type {entry.EntryType}");
        }
        if (TarEntryFiles.IsRegularFile(entry.EntryType))
        {
            state.Size += entry.Length;
        }
        ApplyMetadata(target, entry, isSymlink: entry.EntryType == TarEntryType.SymbolicLink);
        if (isDirectory)
        {
            state.DirectoryTimes.Add((target, entry.ModificationTime));
        }
        else
        {
            Syscalls.SetTimes(target, entry.ModificationTime);
        }
    }

    private static void ApplyWhiteout(ApplyState state, string parent, string parentRelative, string baseName, TarEntry entry)
    {
        if (baseName == OpaqueWhiteout)
        {
            EnsureDirectory(state, parent);
            if (state.Mode == WhiteoutMode.Overlay)
            {
                Syscalls.LSetXattr(parent, OverlayOpaqueXattr, "y"u8);
            }
            else
            {
                foreach (var child in Directory.EnumerateFileSystemEntries(parent))
                {
                    var childRelative = parentRelative.Length == 0 ? Path.GetFileName(child) : parentRelative + "/" + Path.GetFileName(child);
                    if (!state.Created.Contains(childRelative))
                    {
                        RemovePath(child, Syscalls.LStat(child));
                    }
                }
            }
            return;
        }
        if (baseName.StartsWith(WhiteoutMetaPrefix, StringComparison.Ordinal))
        {
            return; // AUFS bookkeeping entries (.wh..wh.plnk, .wh..wh.aufs) carry nothing to apply.
        }
        var hidden = baseName[WhiteoutPrefix.Length..];
        if (hidden is "" or "." or "..")
        {
            throw new InvalidArgumentException($"invalid tar entry \"{entry.Name}\": invalid whiteout name");
        }
        var target = parent + "/" + hidden;
        var existing = Syscalls.TryLStat(target);
        if (state.Mode == WhiteoutMode.Overlay)
        {
            EnsureDirectory(state, parent);
            if (existing is not null)
            {
                RemovePath(target, existing);
            }
            Syscalls.MakeNode(target, FileTypes.CharDevice, 0, 0);
            Syscalls.LChown(target, (uint)entry.Uid, (uint)entry.Gid);
        }
        else if (existing is not null)
        {
            RemovePath(target, existing);
        }
    }

    /// <summary>Splits a tar entry name into clean components; refuses a name that climbs above the root.</summary>
    internal static List<string> SplitEntryName(string name, string entryName) =>
        TarEntryFiles.TrySplitName(name, entryName, out var components)
            ? components
            : throw new InvalidArgumentException($"invalid tar entry \"{entryName}\": path escapes from the layer root");

    private static string ResolveHardLinkTarget(ApplyState state, TarEntry entry)
    {
        List<string> components;
        try
        {
            components = SplitEntryName(entry.LinkName, entry.Name);
        }
        catch (InvalidArgumentException)
        {
            throw new InvalidArgumentException($"invalid tar entry \"{entry.Name}\": hard link target \"{entry.LinkName}\" escapes from the layer root");
        }
        if (components.Count == 0)
        {
            throw new InvalidArgumentException($"invalid tar entry \"{entry.Name}\": hard link to the layer root");
        }
        var parent = RootedPath.Resolve(state.Root, string.Join('/', components.Take(components.Count - 1)), followFinalSymlink: true);
        var source = parent + "/" + components[^1];
        var status = Syscalls.TryLStat(source);
        if (status is null)
        {
            throw new InvalidArgumentException($"invalid tar entry \"{entry.Name}\": hard link target \"{entry.LinkName}\" does not exist");
        }
        if (status.IsDirectory)
        {
            throw new InvalidArgumentException($"invalid tar entry \"{entry.Name}\": hard link target \"{entry.LinkName}\" is a directory");
        }
        return source;
    }

    private static bool SameAsHardLinkTarget(ApplyState state, TarEntry entry, string target) =>
        ResolveHardLinkTarget(state, entry) == target;

    private static void ApplyMetadata(string path, TarEntry entry, bool isSymlink = false)
    {
        Syscalls.LChown(path, (uint)entry.Uid, (uint)entry.Gid);
        if (entry is PaxTarEntry pax)
        {
            foreach (var (key, value) in pax.ExtendedAttributes)
            {
                if (key.StartsWith(SchilyXattr, StringComparison.Ordinal))
                {
                    if (value.Contains('\uFFFD'))
                    {
                        // System.Formats.Tar decodes PAX values as UTF-8, so a binary value arrives damaged; writing it would corrupt the attribute.
                        continue;
                    }
                    SetXattr(path, key[SchilyXattr.Length..], Encoding.UTF8.GetBytes(value));
                }
                else if (key.StartsWith(LibarchiveXattr, StringComparison.Ordinal))
                {
                    byte[] bytes;
                    try
                    {
                        bytes = Convert.FromBase64String(value);
                    }
                    catch (FormatException)
                    {
                        throw new InvalidArgumentException($"invalid tar entry \"{entry.Name}\": malformed xattr {key}");
                    }
                    SetXattr(path, Uri.UnescapeDataString(key[LibarchiveXattr.Length..]), bytes);
                }
            }
        }
        if (!isSymlink)
        {
            // After chown: chown clears setuid/setgid.
            Syscalls.Chmod(path, (uint)entry.Mode);
        }
    }

    private static void SetXattr(string path, string name, byte[] value)
    {
        try
        {
            Syscalls.LSetXattr(path, name, value);
        }
        catch (IOException e) when (e.HResult is 95 /* EOPNOTSUPP */ or 1 /* EPERM */)
        {
            // As Docker: not every file system takes every xattr namespace; the file itself is still right.
        }
    }

    private static void EnsureDirectory(ApplyState state, string directory)
    {
        if (Syscalls.TryLStat(directory) is { IsDirectory: true })
        {
            return;
        }
        // Parents missing from the tar take their metadata from the lower layers, else 0755 root-owned as Docker makes them;
        // each step is re-resolved inside the root.
        var root = state.Root;
        var relative = directory.Length > root.Length ? directory[(root.Length + 1)..] : "";
        var current = root;
        foreach (var part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = RootedPath.Resolve(root, current[root.Length..] + "/" + part, followFinalSymlink: true);
            var status = Syscalls.TryLStat(current);
            if (status is { IsDirectory: true })
            {
                continue;
            }
            if (status is not null)
            {
                RemovePath(current, status);
            }
            Directory.CreateDirectory(current);
            var lower = state.LowerDirectoryStatus(current[root.Length..]);
            if (lower is null)
            {
                Syscalls.Chmod(current, 0b111_101_101);
                continue;
            }
            Syscalls.LChown(current, lower.Uid, lower.Gid);
            Syscalls.Chmod(current, lower.Permissions);
            state.DirectoryTimes.Add((current, lower.ModificationTime));
        }
    }

    internal static void RemovePath(string path, FileStatus status)
    {
        if (status.IsDirectory)
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs a read of the (untrusted) source; malformed input becomes <see cref="InvalidArgumentException"/>, disk errors stay what they are.</summary>
    private static T Source<T>(Func<T> read)
    {
        try
        {
            var result = read();
            return result;
        }
        catch (EndOfStreamException)
        {
            throw new InvalidArgumentException("invalid tar archive: unexpected EOF");
        }
        catch (InvalidDataException e)
        {
            throw new InvalidArgumentException($"invalid tar archive: {e.Message}", e);
        }
        catch (FormatException e)
        {
            throw new InvalidArgumentException($"invalid tar archive: {e.Message}", e);
        }
        catch (ZstdSharp.ZstdException e)
        {
            throw new InvalidArgumentException($"invalid tar archive: zstd: {e.Message}", e);
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            throw new InvalidArgumentException($"invalid tar archive: {e.Message}", e);
        }
    }

    private sealed class ApplyState(string root, WhiteoutMode mode, IReadOnlyList<string> lowers)
    {
        public string Root { get; } = root;

        /// <summary>The directory at <paramref name="relative"/> in the nearest lower layer that has it, or null.</summary>
        public FileStatus? LowerDirectoryStatus(string relative)
        {
            foreach (var lower in lowers)
            {
                var path = RootedPath.Resolve(lower, relative, followFinalSymlink: true);
                var status = Syscalls.TryLStat(path);
                if (status is not null)
                {
                    return status.IsDirectory ? status : null;
                }
            }
            return null;
        }

        public WhiteoutMode Mode { get; } = mode;
        public long Size { get; set; }
        public HashSet<string> Created { get; } = new(StringComparer.Ordinal);
        public List<(string Path, DateTimeOffset Time)> DirectoryTimes { get; } = [];

        public void FinishDirectoryTimes() => TarEntryFiles.SetDirectoryTimes(DirectoryTimes);
    }
}
