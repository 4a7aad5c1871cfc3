using System.Formats.Tar;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Wharf.Daemon.Tests.Infrastructure;

namespace Wharf.Daemon.Tests.Http;

/// <summary>Image import, container create, wait and remove through a real wharfd (no container is started).</summary>
public sealed class ContainerRoutesTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private string Socket => fixture.Daemon.SocketPath;

    private static byte[] TinyRootfsTar()
    {
        var ms = new MemoryStream();
        using (var tar = new TarWriter(ms, TarEntryFormat.Pax, leaveOpen: true))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "bin/") { Mode = (UnixFileMode)0x1ED });
            var file = new PaxTarEntry(TarEntryType.RegularFile, "bin/hello") { Mode = (UnixFileMode)0x1ED, DataStream = new MemoryStream("#!/bin/sh\necho hi\n"u8.ToArray()) };
            tar.WriteEntry(file);
        }
        return ms.ToArray();
    }

    private async Task<string> ImportAsync(string repo)
    {
        var tar = TinyRootfsTar();
        using var socket = RawHttp.Connect(Socket);
        var head = $"POST /v1.44/images/create?fromSrc=-&repo={repo}&tag=1&changes=CMD%20%5B%22%2Fbin%2Fhello%22%5D HTTP/1.1\r\nHost: d\r\nConnection: close\r\nContent-Type: application/x-tar\r\nContent-Length: {tar.Length}\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head).Concat(tar).ToArray());
        var r = RawHttp.Parse(await RawHttp.ReadToEndAsync(socket, TimeSpan.FromSeconds(30)));
        Assert.True(r.Status == 200, r.Text);
        Assert.Equal("application/json", r.Header("Content-Type"));
        var status = JsonDocument.Parse(r.Text.Trim().Split('\n')[^1]).RootElement.GetProperty("status").GetString()!;
        Assert.StartsWith("sha256:", status);
        return status;
    }

    [Fact]
    public async Task Import_Create_Inspect_WaitRemoved_Remove()
    {
        var imageId = await ImportAsync("wt-import");
        var image = await RawHttp.SendAsync(Socket, "GET", "/v1.44/images/wt-import:1/json");
        Assert.Equal(200, image.Status);
        var imageJson = JsonDocument.Parse(image.Body).RootElement;
        Assert.Equal(imageId, imageJson.GetProperty("Id").GetString());
        Assert.Equal(JsonValueKind.Object, imageJson.GetProperty("ContainerConfig").ValueKind);
        Assert.Equal("wt-import:1", imageJson.GetProperty("RepoTags")[0].GetString());

        var create = await RawHttp.SendAsync(Socket, "POST", "/v1.44/containers/create?name=wt-c1",
            """{"Image":"wt-import:1","Labels":{"a":"b"},"HostConfig":{"NetworkMode":"default"},"NetworkingConfig":{"EndpointsConfig":{"default":{}}}}""");
        Assert.True(create.Status == 201, create.Text);
        var id = JsonDocument.Parse(create.Body).RootElement.GetProperty("Id").GetString()!;
        Assert.Equal(64, id.Length);

        var conflict = await RawHttp.SendAsync(Socket, "POST", "/v1.44/containers/create?name=wt-c1", """{"Image":"wt-import:1"}""");
        Assert.Equal(409, conflict.Status);
        Assert.Equal("application/json", conflict.Header("Content-Type"));

        var inspect = JsonDocument.Parse((await RawHttp.SendAsync(Socket, "GET", "/v1.44/containers/wt-c1/json")).Body).RootElement;
        Assert.Equal(id, inspect.GetProperty("Id").GetString());
        Assert.Equal("/wt-c1", inspect.GetProperty("Name").GetString());
        Assert.Equal("created", inspect.GetProperty("State").GetProperty("Status").GetString());
        Assert.Equal("0001-01-01T00:00:00Z", inspect.GetProperty("State").GetProperty("StartedAt").GetString());
        Assert.Equal(JsonValueKind.Object, inspect.GetProperty("NetworkSettings").GetProperty("Ports").ValueKind);
        Assert.Equal("b", inspect.GetProperty("Config").GetProperty("Labels").GetProperty("a").GetString());

        var list = JsonDocument.Parse((await RawHttp.SendAsync(Socket, "GET", "/v1.44/containers/json?all=1&filters=%7B%22label%22%3A%7B%22a%3Db%22%3Atrue%7D%7D")).Body).RootElement;
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("Id").GetString() == id);

        // wait?condition=removed: the head must arrive at once, the body only after the removal.
        using var waitSocket = RawHttp.Connect(Socket);
        await waitSocket.SendAsync(Encoding.ASCII.GetBytes($"POST /v1.44/containers/{id}/wait?condition=removed HTTP/1.1\r\nHost: d\r\nContent-Length: 0\r\n\r\n"));
        var (head, _) = await RawHttp.ReadHeadAsync(waitSocket, TimeSpan.FromSeconds(5));
        Assert.StartsWith("HTTP/1.1 200 ", head);
        Assert.Contains("Content-Type: application/json", head);

        var remove = await RawHttp.SendAsync(Socket, "DELETE", $"/v1.44/containers/{id}?force=1&v=1");
        Assert.Equal(204, remove.Status);

        var buffer = new byte[256];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var n = await waitSocket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
        var chunk = Encoding.ASCII.GetString(buffer, 0, n);
        Assert.Contains("{\"StatusCode\":0}", chunk);

        var gone = await RawHttp.SendAsync(Socket, "GET", $"/v1.44/containers/{id}/json");
        Assert.Equal(404, gone.Status);
        Assert.Equal("No such container: " + id, JsonDocument.Parse(gone.Body).RootElement.GetProperty("message").GetString());

        var rmi = await RawHttp.SendAsync(Socket, "DELETE", "/v1.44/images/wt-import:1");
        Assert.Equal(200, rmi.Status);
        Assert.Contains("\"Untagged\":\"wt-import:1\"", rmi.Text);
    }

    [Fact]
    public async Task MissingImage_Is404NoSuchImage()
    {
        var r = await RawHttp.SendAsync(Socket, "GET", "/v1.44/images/localhost:5000/nope/x:1/json");
        Assert.Equal(404, r.Status);
        Assert.StartsWith("No such image: ", JsonDocument.Parse(r.Body).RootElement.GetProperty("message").GetString());
        var create = await RawHttp.SendAsync(Socket, "POST", "/containers/create", """{"Image":"nope-missing:1"}""");
        Assert.Equal(404, create.Status);
    }

    [Fact]
    public async Task Logs_WithoutStreams_Is400()
    {
        var r = await RawHttp.SendAsync(Socket, "GET", "/v1.44/containers/whatever/logs");
        Assert.Equal(400, r.Status);
    }
}
