using System.IO.Pipelines;
using System.Net;
using Wharf.Api.Client;
using Wharf.Api.Models;
using Wharf.Api.Streams;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary>
/// <c>wharf cp</c>: copies files and directories between a container and the local file system with docker's path rules;
/// <c>-</c> reads or writes a tar stream on stdin/stdout.
/// </summary>
internal sealed class CpCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "cp";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\twharf cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH";

    /// <inheritdoc/>
    public override string Description => "Copy files/folders between a container and the local filesystem";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.Exactly(2);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("archive", 'a', "Archive mode (copy all uid/gid information)")
        .Bool("follow-link", 'L', "Always follow symbol link in SRC_PATH")
        .Bool("quiet", 'q', "Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var (srcContainer, srcPath) = SplitArgument(invocation.Args[0]);
        var (dstContainer, dstPath) = SplitArgument(invocation.Args[1]);
        if (srcPath.Length == 0)
        {
            throw new StatusException(1, "source can not be empty");
        }
        if (dstPath.Length == 0)
        {
            throw new StatusException(1, "destination can not be empty");
        }
        if (srcContainer.Length > 0 && dstContainer.Length > 0)
        {
            throw new StatusException(1, "copying between containers is not supported");
        }
        if (srcContainer.Length == 0 && dstContainer.Length == 0)
        {
            throw new StatusException(1, "must specify at least one container source");
        }
        var context = invocation.Context;
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var followLink = invocation.Flags.GetBool("follow-link");
        try
        {
            if (srcContainer.Length > 0)
            {
                await CopyFromContainerAsync(context, client, srcContainer, srcPath, dstPath, followLink).ConfigureAwait(false);
            }
            else
            {
                await CopyToContainerAsync(context, client, srcPath, dstContainer, dstPath, followLink, invocation.Flags.GetBool("archive")).ConfigureAwait(false);
            }
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new StatusException(1, e.Message);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new StatusException(1, e.Message);
        }
        return 0;
    }

    /// <summary>docker's <c>splitCpArg</c>: an absolute or <c>./</c> path is local, else <c>container:path</c> when it has a colon.</summary>
    public static (string Container, string Path) SplitArgument(string argument)
    {
        if (argument.StartsWith('/'))
        {
            return ("", argument);
        }
        var colon = argument.IndexOf(':');
        if (colon < 0 || argument.StartsWith('.'))
        {
            return ("", argument);
        }
        return (argument[..colon], argument[(colon + 1)..]);
    }

    private static async Task CopyFromContainerAsync(CliContext context, WharfClient client, string container, string srcPath, string dstPath, bool followLink)
    {
        if (dstPath != "-")
        {
            dstPath = CpArchive.Preserve(Path.GetFullPath(dstPath), dstPath);
        }
        var rebaseName = "";
        if (followLink)
        {
            var stat = await StatAsync(client, container, srcPath, context.Cancellation).ConfigureAwait(false);
            if ((stat.Mode & GoFileMode.Symlink) != 0)
            {
                var target = stat.LinkTarget;
                if (!target.StartsWith('/'))
                {
                    target = CpArchive.SplitDirEntry(srcPath).Directory.TrimEnd('/') + "/" + target;
                }
                (srcPath, rebaseName) = (target, CpArchive.SplitDirEntry(srcPath).Entry);
            }
        }
        var (content, srcStat) = await client.GetContainerArchiveAsync(container, srcPath, context.Cancellation).ConfigureAwait(false);
        await using (content.ConfigureAwait(false))
        {
            if (dstPath == "-")
            {
                await context.Out.FlushAsync().ConfigureAwait(false);
                await content.CopyToAsync(context.StdoutStream, context.Cancellation).ConfigureAwait(false);
                await context.StdoutStream.FlushAsync(context.Cancellation).ConfigureAwait(false);
                return;
            }
            var srcIsDir = (srcStat.Mode & GoFileMode.Dir) != 0;
            var srcBase = rebaseName.Length > 0 ? rebaseName : CpArchive.SplitDirEntry(srcPath).Entry;
            var dst = DestinationInfo(dstPath);
            var (extractTo, oldBase, newBase) = Prepare(srcIsDir, srcBase, dst);
            var source = content;
            if (rebaseName.Length > 0)
            {
                source = Rebased(source, CpArchive.SplitDirEntry(srcPath).Entry, rebaseName);
            }
            if (oldBase is not null)
            {
                source = Rebased(source, oldBase, newBase!);
            }
            await Task.Run(() => CpArchive.ExtractLocal(source, extractTo), context.Cancellation).ConfigureAwait(false);
        }
    }

    private static async Task CopyToContainerAsync(CliContext context, WharfClient client, string srcPath, string container, string dstPath, bool followLink, bool archive)
    {
        var dstExists = false;
        var dstIsDir = false;
        var resolvedDst = dstPath;
        ContainerPathStat? dstStat = null;
        try
        {
            dstStat = await client.StatContainerPathAsync(container, dstPath, context.Cancellation).ConfigureAwait(false);
            if ((dstStat.Mode & GoFileMode.Symlink) != 0)
            {
                var target = dstStat.LinkTarget;
                if (!target.StartsWith('/'))
                {
                    target = CpArchive.SplitDirEntry(dstPath).Directory.TrimEnd('/') + "/" + target;
                }
                resolvedDst = target;
                dstStat = await client.StatContainerPathAsync(container, target, context.Cancellation).ConfigureAwait(false);
            }
        }
        catch (DaemonErrorException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            dstStat = null;
        }
        if (dstStat is not null)
        {
            var type = dstStat.Mode & (GoFileMode.Dir | GoFileMode.Symlink | GoFileMode.NamedPipe | GoFileMode.Socket | GoFileMode.Device | GoFileMode.CharDevice | GoFileMode.Irregular);
            if (type != 0 && type != GoFileMode.Dir)
            {
                throw new StatusException(1, $"destination \"{container}:{dstPath}\" must be a directory or a regular file");
            }
            dstExists = true;
            dstIsDir = (dstStat.Mode & GoFileMode.Dir) != 0;
        }
        if (srcPath == "-")
        {
            if (!dstIsDir)
            {
                throw new StatusException(1, $"destination \"{container}:{dstPath}\" must be a directory");
            }
            await client.PutContainerArchiveAsync(container, resolvedDst, context.StdinStream, noOverwriteDirNonDir: true, archive, context.Cancellation).ConfigureAwait(false);
            return;
        }
        var (localPath, localRebase) = ResolveLocalSource(srcPath, followLink);
        var srcIsDir = Directory.Exists(localPath) && new FileInfo(localPath.TrimEnd('/')).LinkTarget is null;
        var srcEntry = CpArchive.SplitDirEntry(localPath).Entry;
        var topName = localRebase.Length > 0 ? localRebase : srcEntry;
        var (extractTo, oldBase, newBase) = Prepare(srcIsDir, topName, new DestInfo(resolvedDst, dstExists, dstIsDir));
        var pipe = new Pipe();
        // A top entry renamed to the destination's name is written that way directly.
        var entryName = oldBase is null ? topName : newBase!;
        var producer = Task.Run(async () =>
        {
            try
            {
                using (var writer = pipe.Writer.AsStream(leaveOpen: true))
                {
                    CpArchive.WriteLocal(localPath, entryName, writer);
                }
                await pipe.Writer.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                await pipe.Writer.CompleteAsync(e).ConfigureAwait(false);
                throw;
            }
        }, context.Cancellation);
        try
        {
            await client.PutContainerArchiveAsync(container, extractTo, pipe.Reader.AsStream(), noOverwriteDirNonDir: true, archive, context.Cancellation).ConfigureAwait(false);
        }
        finally
        {
            await pipe.Reader.CompleteAsync().ConfigureAwait(false);
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                // The request failed first; its error is the one to report.
            }
        }
    }

    private static (string Path, string RebaseName) ResolveLocalSource(string srcPath, bool followLink)
    {
        var path = CpArchive.Preserve(Path.GetFullPath(srcPath), srcPath);
        if (followLink)
        {
            var resolved = new FileInfo(path.TrimEnd('/')).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
            var rebase = CpArchive.SplitDirEntry(path).Entry;
            return (resolved, rebase == CpArchive.SplitDirEntry(resolved).Entry ? "" : rebase);
        }
        var (directory, entry) = CpArchive.SplitDirEntry(path);
        var dirInfo = new DirectoryInfo(directory);
        var realDirectory = dirInfo.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? dirInfo.FullName;
        var result = entry == "." ? realDirectory.TrimEnd('/') + "/." : realDirectory.TrimEnd('/') + "/" + entry;
        if (!Path.Exists(result.EndsWith("/.", StringComparison.Ordinal) ? result[..^2] : result) && new FileInfo(result).LinkTarget is null)
        {
            throw new FileNotFoundException($"lstat {result}: no such file or directory");
        }
        if (path.EndsWith('/') && new FileInfo(result).LinkTarget is { } && !entry.EndsWith('/'))
        {
            var target = new FileInfo(result).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? result;
            return (target, entry);
        }
        return (result, "");
    }

    private sealed record DestInfo(string Path, bool Exists, bool IsDirectory);

    private static DestInfo DestinationInfo(string path)
    {
        for (var i = 0; i < 12; i++)
        {
            var info = new FileInfo(path.TrimEnd('/') is { Length: > 0 } p ? p : "/");
            if (info.LinkTarget is { } target)
            {
                path = target.StartsWith('/') ? target : CpArchive.SplitDirEntry(path).Directory.TrimEnd('/') + "/" + target;
                continue;
            }
            if (Directory.Exists(path))
            {
                return new DestInfo(path, true, true);
            }
            if (File.Exists(path.TrimEnd('/')))
            {
                return new DestInfo(path, true, false);
            }
            var parent = CpArchive.SplitDirEntry(path).Directory;
            if (!Directory.Exists(parent))
            {
                throw new StatusException(1, File.Exists(parent) ? CpArchive.NotDirectory : $"stat {parent}: no such file or directory");
            }
            return new DestInfo(path, false, false);
        }
        throw new StatusException(1, "too many symlinks in " + path);
    }

    /// <summary>docker's <c>PrepareArchiveCopy</c>: where to extract, and which top entry name to rename to which.</summary>
    private static (string ExtractTo, string? OldBase, string? NewBase) Prepare(bool srcIsDir, string srcBase, DestInfo dst)
    {
        var (dstDir, dstBase) = CpArchive.SplitDirEntry(dst.Path);
        if (dst.Exists && dst.IsDirectory)
        {
            return (dst.Path, null, null);
        }
        if (dst.Exists && srcIsDir)
        {
            throw new StatusException(1, CpArchive.CannotCopyDir);
        }
        if (!dst.Exists && !srcIsDir && CpArchive.AssertsDirectory(dst.Path))
        {
            throw new StatusException(1, CpArchive.DirNotExists);
        }
        return (dstDir, srcBase, dstBase);
    }

    private static Stream Rebased(Stream source, string oldBase, string newBase)
    {
        var pipe = new Pipe();
        _ = Task.Run(async () =>
        {
            var writer = pipe.Writer.AsStream();
            try
            {
                CpArchive.Rebase(source, writer, oldBase, newBase);
                await pipe.Writer.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                await pipe.Writer.CompleteAsync(e).ConfigureAwait(false);
            }
        });
        return pipe.Reader.AsStream();
    }

    private static async Task<ContainerPathStat> StatAsync(WharfClient client, string container, string path, CancellationToken ct)
    {
        try
        {
            return await client.StatContainerPathAsync(container, path, ct).ConfigureAwait(false);
        }
        catch (DaemonErrorException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new StatusException(1, $"Error: No such container:path: {container}:{path}");
        }
    }
}
