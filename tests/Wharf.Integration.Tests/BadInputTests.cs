using Wharf.Integration.Tests.Infrastructure;

namespace Wharf.Integration.Tests;

/// <summary>Malformed input yields a clear error and leaves nothing half-created.</summary>
[Collection(DaemonCollection.Name)]
public sealed class BadInputTests(DaemonFixture fixture)
{
    private readonly WharfDaemon _d = fixture.Daemon;

    [Fact]
    public async Task MalformedReferenceIsRejectedWithDockersWording()
    {
        var r = await _d.WharfAsync("run", "--rm", "BusyBox", "true");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("invalid reference format", r.Stderr);
        var d = await _d.DockerAsync("create", "bad::ref");
        Assert.NotEqual(0, d.ExitCode);
        Assert.Contains("invalid reference format", d.Stderr);
    }

    [Fact]
    public async Task MissingImageIs404NoSuchImage()
    {
        var r = await _d.WharfAsync("inspect", "--type", "image", "no-such-image-xyz");
        Assert.NotEqual(0, r.ExitCode);
        var curl = await ProcessRunner.RunAsync("curl", ["-s", "-w", "\n%{http_code}", "--unix-socket", _d.SocketPath, "http://localhost/v1.44/images/no-such-image-xyz/json"]);
        // moby encodes error bodies with a trailing newline.
        Assert.Equal("{\"message\":\"No such image: no-such-image-xyz:latest\"}\n\n404", curl.Stdout);
    }

    [Fact]
    public async Task ErrorResponsesHaveExactJsonContentType()
    {
        var curl = await ProcessRunner.RunAsync("curl", ["-s", "-D", "-", "-o", "/dev/null", "--unix-socket", _d.SocketPath, "http://localhost/v1.44/containers/nope/json"]);
        Assert.Contains("HTTP/1.1 404", curl.Stdout);
        Assert.Contains("Content-Type: application/json\r\n", curl.Stdout);
        Assert.Contains("Api-Version: 1.44", curl.Stdout);
    }

    [Fact]
    public async Task UnknownFlagIsAnError()
    {
        var r = await _d.WharfAsync("run", "--no-such-flag", "busybox");
        Assert.Equal(125, r.ExitCode);
        Assert.Contains("unknown flag: --no-such-flag", r.Stderr);
    }

    [Fact]
    public async Task NameInUseIs409()
    {
        var name = "dup-" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(0, (await _d.WharfAsync("create", "--name", name, "busybox")).ExitCode);
        try
        {
            // docker run reports daemon errors with exit 125; docker create with 1.
            var again = await _d.DockerAsync("run", "--name", name, "busybox");
            Assert.Equal(125, again.ExitCode);
            var create = await _d.DockerAsync("create", "--name", name, "busybox");
            Assert.Equal(1, create.ExitCode);
            Assert.Contains("is already in use", create.Stderr);
            Assert.Contains($"Conflict. The container name \"/{name}\" is already in use by container", again.Stderr);
        }
        finally
        {
            await _d.WharfAsync("rm", name);
        }
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("corrupt-gzip")]
    [InlineData("escaping")]
    public async Task BadImportTarLeavesNothingBehind(string kind)
    {
        var before = Snapshot();
        var tarPath = Path.Combine(_d.Root, $"bad-{kind}-{Guid.NewGuid():N}.tar");
        await MakeBadTarAsync(kind, tarPath);
        var r = await _d.WharfAsync("import", tarPath, "bad-" + kind);
        Assert.NotEqual(0, r.ExitCode);
        Assert.NotEqual("", r.Stderr.Trim());
        Assert.Equal(before, Snapshot());
        var images = await _d.WharfAsync("images", "-q", "bad-" + kind);
        Assert.Equal("", images.Stdout);
        Assert.False(File.Exists("/tmp/wharf-escaped-" + kind));
    }

    [Fact]
    public async Task BadChangeLineIsRejected()
    {
        var tar = await _d.BusyboxTarAsync();
        var r = await _d.WharfAsync("import", "-c", "FROBNICATE now", tar, "bad-change");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("FROBNICATE", r.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", (await _d.WharfAsync("images", "-q", "bad-change")).Stdout);
    }

    private string Snapshot()
    {
        var snapshots = Path.Combine(_d.DataRoot, "snapshots");
        var blobs = Path.Combine(_d.DataRoot, "content", "blobs", "sha256");
        var s = Directory.Exists(snapshots) ? Directory.GetDirectories(snapshots).Length : 0;
        var b = Directory.Exists(blobs) ? Directory.GetFiles(blobs).Length : 0;
        return $"snapshots={s} blobs={b}";
    }

    private async Task MakeBadTarAsync(string kind, string path)
    {
        switch (kind)
        {
            case "truncated":
                var full = await File.ReadAllBytesAsync(await _d.BusyboxTarAsync());
                await File.WriteAllBytesAsync(path, full[..(full.Length / 2 + 100)]);
                break;
            case "corrupt-gzip":
                var gz = await ProcessRunner.ShAsync($"gzip -c '{await _d.BusyboxTarAsync()}' > '{path}.gz'");
                gz.EnsureSuccess("gzip");
                var bytes = await File.ReadAllBytesAsync(path + ".gz");
                for (var i = bytes.Length / 2; i < bytes.Length / 2 + 64; i++)
                {
                    bytes[i] ^= 0x5a;
                }
                await File.WriteAllBytesAsync(path, bytes);
                break;
            case "escaping":
                var dir = Path.Combine(_d.Root, "esc-" + Guid.NewGuid().ToString("N")[..6]);
                Directory.CreateDirectory(dir);
                await File.WriteAllTextAsync(Path.Combine(dir, "ok"), "fine");
                (await ProcessRunner.ShAsync($"cd '{dir}' && tar -cf '{path}' ok --transform 's,^ok$,../../../../../../../tmp/wharf-escaped-{kind},' -P ok")).EnsureSuccess("tar");
                break;
        }
    }
}
