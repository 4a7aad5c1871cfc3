using System.Formats.Tar;
using System.Text;
using Wharf.Core.Errors;
using Wharf.Engine.Containers;
using Wharf.Engine.Content;
using Wharf.Engine.Images;
using Wharf.Engine.Metadata;
using Wharf.Engine.Runtime.Conmon;
using Wharf.Engine.Snapshots;

namespace Wharf.Engine.Tests.Containers;

/// <summary>The real storage stack: a busybox tar imported with <see cref="ImageService.ImportAsync"/>, run by the container service, and <c>rmi</c> refused while a container uses it.</summary>
public sealed class ImportedImageContainerTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _root = Path.Combine("/tmp", "wharf-ctr-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly EngineOptions _options;
    private readonly MetadataDatabase _database;
    private readonly ImageService _images;
    private readonly ContainerStore _store;
    private readonly ConmonRuntime _runtime;
    private readonly ContainerService _service;
    private readonly Snapshotter _snapshotter;

    public ImportedImageContainerTests()
    {
        _options = new EngineOptions
        {
            DataRoot = Path.Combine(_root, "data"),
            ExecRoot = Path.Combine(_root, "exec"),
            CgroupParent = "wharf-test-" + Path.GetFileName(_root),
        };
        _database = new MetadataDatabase(_options.DatabasePath, [.. ImageSchema.AllStorageMigrations, .. ContainerSchema.Migrations]);
        _snapshotter = SnapshotterFactory.Create(_options, _database);
        _store = new ContainerStore(_database);
        _images = new ImageService(_database, new ContentStore(Path.Combine(_options.DataRoot, "content")), _snapshotter, _store);
        _runtime = new ConmonRuntime(_options);
        _service = new ContainerService(_options, _store, _images.Store, _snapshotter, _runtime);
    }

    public void Dispose()
    {
        foreach (var container in _store.List())
        {
            try
            {
                _service.RemoveAsync(container.Id, force: true).Wait(Timeout);
            }
            catch (Exception)
            {
            }
        }
        _service.Dispose();
        _runtime.Dispose();
        _database.Dispose();
        foreach (var hierarchy in Directory.GetDirectories("/sys/fs/cgroup"))
        {
            var own = Path.Combine(hierarchy, _options.CgroupParent);
            for (var attempt = 0; attempt < 20 && Directory.Exists(own); attempt++)
            {
                try
                {
                    Directory.Delete(own);
                }
                catch (IOException)
                {
                    Thread.Sleep(100);
                }
            }
        }
        Directory.Delete(_root, recursive: true);
    }

    private static MemoryStream BusyboxTar()
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "bin/") { Mode = (UnixFileMode)0b111_101_101 });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "etc/") { Mode = (UnixFileMode)0b111_101_101 });
            writer.WriteEntry("/bin/busybox", "bin/busybox");
            foreach (var applet in new[] { "sh", "echo", "sleep", "cat" })
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "bin/" + applet) { LinkName = "busybox", Mode = (UnixFileMode)0b111_111_111 });
            }
            var passwd = new PaxTarEntry(TarEntryType.RegularFile, "etc/passwd")
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes("root:x:0:0:root:/root:/bin/sh\n")),
                Mode = (UnixFileMode)0b110_100_100,
            };
            writer.WriteEntry(passwd);
        }
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public async Task ImportedImageRunsAndCannotBeRemovedWhileUsed()
    {
        using var tar = BusyboxTar();
        var image = await _images.ImportAsync(tar, new ImportOptions
        {
            Repository = "busybox",
            Tag = "latest",
            Changes = ["CMD [\"sh\"]", "ENV GREETING=hello"],
        });

        var created = await _service.CreateAsync(new ContainerCreateOptions
        {
            Config = new ContainerConfig { Image = "busybox", Cmd = ["sh", "-c", "echo $GREETING from $HOSTNAME"] },
        });
        var container = _service.Get(created.Id);
        Assert.Equal(image.Id.ToString(), container.ImageId);
        Assert.Contains("GREETING=hello", container.Config.Env!);

        var exited = _service.WaitAsync(created.Id, ContainerWaitCondition.NextExit);
        await _service.StartAsync(created.Id);
        Assert.Equal(0, (await exited.WaitAsync(Timeout)).StatusCode);
        var text = new StringBuilder();
        await foreach (var entry in _service.ReadLogsAsync(created.Id, new LogReadOptions()))
        {
            text.Append(Encoding.UTF8.GetString(entry.Bytes));
        }
        Assert.Equal($"hello from {created.Id[..12]}\n", text.ToString());

        Assert.Equal([created.Id], _store.ContainersUsing(image.Id.ToString(), runningOnly: false));
        await Assert.ThrowsAsync<ConflictException>(() => Task.Run(() => _images.Remove(image.Id.ToString())));
        await _service.RemoveAsync(created.Id);
        _images.Remove("busybox");
        Assert.Null(_images.TryResolve("busybox"));
        Assert.Empty(_snapshotter.List());
    }
}
