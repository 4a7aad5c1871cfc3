using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Wharf.Engine.Tests.Layers;

/// <summary>Builds layer tars in memory for tests.</summary>
public sealed class TarBuilder
{
    private readonly MemoryStream _buffer = new();
    private readonly TarWriter _writer;

    public TarBuilder() => _writer = new TarWriter(_buffer, TarEntryFormat.Pax, leaveOpen: true);

    public TarBuilder Dir(string name, int mode = 0b111_101_101, int uid = 0, int gid = 0, DateTimeOffset? mtime = null) =>
        Add(new PaxTarEntry(TarEntryType.Directory, name) { Mode = (UnixFileMode)mode, Uid = uid, Gid = gid, ModificationTime = mtime ?? DateTimeOffset.UnixEpoch.AddDays(1) });

    public TarBuilder File(string name, string content, int mode = 0b110_100_100, int uid = 0, int gid = 0,
        DateTimeOffset? mtime = null, Dictionary<string, string>? pax = null)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name, pax ?? new Dictionary<string, string>())
        {
            Mode = (UnixFileMode)mode,
            Uid = uid,
            Gid = gid,
            ModificationTime = mtime ?? DateTimeOffset.UnixEpoch.AddDays(2),
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
        };
        return Add(entry);
    }

    public TarBuilder Symlink(string name, string target) =>
        Add(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target, Mode = (UnixFileMode)0x1ff });

    public TarBuilder HardLink(string name, string target) =>
        Add(new PaxTarEntry(TarEntryType.HardLink, name) { LinkName = target, Mode = (UnixFileMode)0x1a4 });

    public TarBuilder Device(string name, TarEntryType type, int major, int minor, int mode = 0b110_110_110)
    {
        var entry = new PaxTarEntry(type, name) { Mode = (UnixFileMode)mode };
        if (type != TarEntryType.Fifo)
        {
            entry.DeviceMajor = major;
            entry.DeviceMinor = minor;
        }
        return Add(entry);
    }

    public TarBuilder Whiteout(string name) => File(name, "", mode: 0);

    public TarBuilder Add(TarEntry entry)
    {
        _writer.WriteEntry(entry);
        return this;
    }

    public byte[] Build()
    {
        _writer.Dispose();
        return _buffer.ToArray();
    }

    public static byte[] Gzip(byte[] tar)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(tar);
        }
        return output.ToArray();
    }

    public static byte[] Zstd(byte[] tar)
    {
        using var compressor = new ZstdSharp.Compressor();
        return compressor.Wrap(tar).ToArray();
    }
}
