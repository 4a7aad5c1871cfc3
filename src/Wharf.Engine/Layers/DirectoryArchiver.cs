using System.Formats.Tar;

namespace Wharf.Engine.Layers;

/// <summary>
/// Writes a directory tree as a PAX tar stream (for <c>docker export</c> and for computing layers), keeping what
/// <see cref="LayerApplier"/> restores: ownership, modes, mtimes, xattrs, devices, fifos, symlinks and hard links.
/// </summary>
public static class DirectoryArchiver
{
    /// <summary>Writes the tree under <paramref name="root"/> (not the root entry itself) to <paramref name="output"/>.</summary>
    public static void Write(string root, Stream output, DirectoryArchiveOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DirectoryArchiveOptions();
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        var files = new FileTarWriter(writer)
        {
            OverlayWhiteouts = options.OverlayWhiteouts,
            KeepOverlayXattrs = !options.OverlayWhiteouts,
            StrictXattrs = true,
        };
        files.WriteChildren(root, "", cancellationToken);
    }

    /// <summary>Asynchronous <see cref="Write"/> (runs on the thread pool).</summary>
    public static Task WriteAsync(string root, Stream output, DirectoryArchiveOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Write(root, output, options, cancellationToken), cancellationToken);
}
