using System.Formats.Tar;

namespace Wharf.Cli.Commands;

/// <summary>
/// The client half of <c>docker cp</c>: docker's copy-path rules (a trailing <c>/</c> asserts a directory, <c>/.</c> means
/// "the contents of"), tars of local resources, renaming of archive entries, and extraction into a local directory
/// that refuses entries climbing out of it.
/// </summary>
internal static class CpArchive
{
    /// <summary>Errors docker's archive package reports.</summary>
    public const string CannotCopyDir = "cannot copy directory";

    /// <summary>A directory was asserted (trailing separator) but the source is a file.</summary>
    public const string DirNotExists = "no such directory";

    /// <summary>A path component that must be a directory is not.</summary>
    public const string NotDirectory = "not a directory";

    /// <summary>Whether the path ends with a separator or <c>/.</c> (asserting a directory).</summary>
    public static bool AssertsDirectory(string path) => path.EndsWith('/') || SpecifiesCurrentDir(path);

    /// <summary>Whether the path ends with <c>/.</c> or is <c>.</c>.</summary>
    public static bool SpecifiesCurrentDir(string path) => path == "." || path.EndsWith("/.", StringComparison.Ordinal);

    /// <summary>Go's <c>filepath.Clean</c>, keeping a trailing <c>/.</c> or separator as docker's <c>PreserveTrailingDotOrSeparator</c>.</summary>
    public static string Preserve(string cleaned, string original)
    {
        if (SpecifiesCurrentDir(original) && !SpecifiesCurrentDir(cleaned))
        {
            return cleaned.TrimEnd('/') + "/.";
        }
        if (original.EndsWith('/') && !cleaned.EndsWith('/'))
        {
            return cleaned + "/";
        }
        return cleaned;
    }

    /// <summary>Go's <c>filepath.Clean</c>.</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }
        var absolute = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            if (part == ".." && absolute)
            {
                continue;
            }
            parts.Add(part);
        }
        var joined = string.Join('/', parts);
        return absolute ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    /// <summary>Docker's <c>SplitPathDirEntry</c>: directory and final entry of a path (<c>.</c> for a trailing <c>/.</c>).</summary>
    public static (string Directory, string Entry) SplitDirEntry(string path)
    {
        var cleaned = Clean(path);
        if (SpecifiesCurrentDir(path))
        {
            cleaned = cleaned == "/" ? "/." : cleaned + "/.";
        }
        var slash = cleaned.LastIndexOf('/');
        if (slash < 0)
        {
            return (".", cleaned);
        }
        var directory = slash == 0 ? "/" : cleaned[..slash];
        var entry = cleaned[(slash + 1)..];
        return (directory, entry.Length == 0 ? "/" : entry);
    }

    /// <summary>Writes a tar of local <paramref name="path"/> whose top entry is <paramref name="name"/> (<c>.</c> writes <c>./</c>-prefixed entries).</summary>
    public static void WriteLocal(string path, string name, Stream output)
    {
        using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        var local = path.TrimEnd('/') is { Length: > 0 } p ? p : "/";
        FileSystemInfo info = new FileInfo(local);
        if (info.LinkTarget is null && Directory.Exists(local))
        {
            info = new DirectoryInfo(local);
        }
        WriteEntry(writer, info, name);
        if (info is DirectoryInfo)
        {
            WriteChildren(writer, info.FullName, name);
        }
    }

    private static void WriteChildren(TarWriter writer, string directory, string prefix)
    {
        var children = new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        foreach (var child in children)
        {
            var name = prefix.TrimEnd('/') + "/" + child.Name;
            WriteEntry(writer, child, name);
            if (child is DirectoryInfo && child.LinkTarget is null)
            {
                WriteChildren(writer, child.FullName, name);
            }
        }
    }

    private static void WriteEntry(TarWriter writer, FileSystemInfo info, string name)
    {
        var mode = (UnixFileMode)((int)info.UnixFileMode & 0xFFF);
        if (info.LinkTarget is { } target)
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target, Mode = mode, ModificationTime = info.LastWriteTimeUtc });
            return;
        }
        if (info is DirectoryInfo)
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name.TrimEnd('/') + "/") { Mode = mode, ModificationTime = info.LastWriteTimeUtc });
            return;
        }
        if ((info.Attributes & (FileAttributes.Device | FileAttributes.System)) != 0)
        {
            return;
        }
        using var data = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { Mode = mode, ModificationTime = info.LastWriteTimeUtc, DataStream = data });
    }

    /// <summary>Docker's <c>RebaseArchiveEntries</c>: entries named <paramref name="oldBase"/> or below it are renamed under <paramref name="newBase"/>.</summary>
    public static void Rebase(Stream input, Stream output, string oldBase, string newBase)
    {
        using var reader = new TarReader(input, leaveOpen: true);
        using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        // TarWriter needs a seekable data stream to write into a pipe: each file's data is buffered once.
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            var renamed = Rename(entry.Name, oldBase, newBase);
            var copy = new PaxTarEntry(entry.EntryType, renamed)
            {
                Mode = entry.Mode,
                Uid = entry.Uid,
                Gid = entry.Gid,
                ModificationTime = entry.ModificationTime,
            };
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile)
            {
                copy.DataStream = entry.DataStream;
            }
            if (entry.EntryType is TarEntryType.SymbolicLink)
            {
                copy.LinkName = entry.LinkName;
            }
            else if (entry.EntryType is TarEntryType.HardLink)
            {
                copy.LinkName = Rename(entry.LinkName, oldBase, newBase);
            }
            if (entry is PosixTarEntry posix && entry.EntryType is TarEntryType.CharacterDevice or TarEntryType.BlockDevice)
            {
                copy.DeviceMajor = posix.DeviceMajor;
                copy.DeviceMinor = posix.DeviceMinor;
            }
            writer.WriteEntry(copy);
        }
    }

    private static string Rename(string name, string oldBase, string newBase)
    {
        var trimmedOld = oldBase.TrimEnd('/');
        var bare = name.StartsWith("./", StringComparison.Ordinal) && trimmedOld != "." ? name[2..] : name;
        if (bare == trimmedOld || bare == trimmedOld + "/")
        {
            return newBase + bare[trimmedOld.Length..];
        }
        if (bare.StartsWith(trimmedOld + "/", StringComparison.Ordinal))
        {
            return newBase + bare[trimmedOld.Length..];
        }
        return name;
    }

    /// <summary>Extracts a tar into local directory <paramref name="destination"/>, never outside it, without changing ownership (docker's <c>NoLchown</c>).</summary>
    public static void ExtractLocal(Stream input, string destination)
    {
        destination = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination));
        var directories = new List<(string Path, DateTimeOffset Time)>();
        using var reader = new TarReader(input, leaveOpen: true);
        while (reader.GetNextEntry(copyData: false) is { } entry)
        {
            if (entry.EntryType is TarEntryType.GlobalExtendedAttributes)
            {
                continue;
            }
            var relative = Clean(entry.Name.TrimStart('/'));
            if (relative == ".")
            {
                continue;
            }
            if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal))
            {
                throw new IOException($"\"{entry.Name}\" is outside of \"{destination}\"");
            }
            var target = destination + "/" + relative;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var existing = new FileInfo(target);
            var exists = existing.Exists || Directory.Exists(target) || existing.LinkTarget is not null;
            var existingIsDirectory = Directory.Exists(target) && existing.LinkTarget is null;
            var isDirectory = entry.EntryType == TarEntryType.Directory;
            if (exists)
            {
                if (existingIsDirectory && !isDirectory)
                {
                    throw new IOException($"cannot overwrite directory \"{target}\" with non-directory \"{destination}\"");
                }
                if (!existingIsDirectory && isDirectory)
                {
                    throw new IOException($"cannot overwrite non-directory \"{target}\" with directory \"{destination}\"");
                }
                if (!isDirectory)
                {
                    File.Delete(target);
                }
            }
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(target);
                    if (!OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(target, (UnixFileMode)((int)entry.Mode & 0xFFF));
                    }
                    directories.Add((target, entry.ModificationTime));
                    break;
                case TarEntryType.RegularFile:
                case TarEntryType.V7RegularFile:
                case TarEntryType.ContiguousFile:
                    using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write))
                    {
                        entry.DataStream?.CopyTo(output);
                    }
                    if (!OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(target, (UnixFileMode)((int)entry.Mode & 0xFFF));
                    }
                    File.SetLastWriteTimeUtc(target, entry.ModificationTime.UtcDateTime);
                    break;
                case TarEntryType.SymbolicLink:
                    File.CreateSymbolicLink(target, entry.LinkName);
                    break;
                case TarEntryType.HardLink:
                    var linkRelative = Clean(entry.LinkName.TrimStart('/'));
                    if (linkRelative == ".." || linkRelative.StartsWith("../", StringComparison.Ordinal))
                    {
                        throw new IOException($"invalid hardlink \"{entry.LinkName}\" -> \"{entry.Name}\"");
                    }
                    File.Copy(destination + "/" + linkRelative, target);
                    break;
                default:
                    break; // Devices and fifos need privileges the client may lack; docker skips them too when it cannot create them.
            }
        }
        for (var i = directories.Count - 1; i >= 0; i--)
        {
            Directory.SetLastWriteTimeUtc(directories[i].Path, directories[i].Time.UtcDateTime);
        }
    }
}
