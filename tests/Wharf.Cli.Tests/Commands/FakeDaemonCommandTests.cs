using System.Text;
using Wharf.Cli.Tests.Client;

namespace Wharf.Cli.Tests.Commands;

public sealed class FakeDaemonCommandTests
{
    private const string Id = "4f8a1c2b3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4";

    [Fact]
    public async Task RunFollowsDockersSequenceAndExitsWithContainerCode()
    {
        var started = new TaskCompletionSource();
        var outputDone = new TaskCompletionSource();
        string? createBody = null;
        await using var daemon = new FakeDaemon(async (req, ex) =>
        {
            switch (req.Method, req.Path)
            {
                case ("HEAD", "/_ping"):
                    await ex.RespondAsync(200);
                    break;
                case ("POST", "/v1.44/containers/create"):
                    createBody = req.BodyText;
                    await ex.RespondAsync(201, $"{{\"Id\":\"{Id}\",\"Warnings\":[]}}");
                    break;
                case ("POST", $"/v1.44/containers/{Id}/attach"):
                    await ex.UpgradeAsync();
                    var stdin = await ex.Reader.ReadToEndAsync();
                    await started.Task;
                    await ex.WriteAsync([.. FakeExchange.Frame(1, "hello\n"), .. FakeExchange.Frame(2, "oops\n")]);
                    ex.Close();
                    outputDone.SetResult();
                    break;
                case ("POST", $"/v1.44/containers/{Id}/wait"):
                    await ex.StartChunkedAsync();
                    await outputDone.Task;
                    await ex.WriteChunkAsync(Encoding.UTF8.GetBytes("{\"StatusCode\":3}\n"));
                    await ex.EndChunkedAsync();
                    break;
                case ("POST", $"/v1.44/containers/{Id}/start"):
                    await ex.RespondAsync(204);
                    started.SetResult();
                    break;
                default:
                    await ex.RespondAsync(404, "{\"message\":\"page not found\"}");
                    break;
            }
        });

        var r = await CliHarness.RunAsync(daemon.Host, null, "run", "--rm", "-e", "A=1", "--name", "c1", "busybox", "echo", "-n", "hi");

        Assert.Equal(3, r.ExitCode);
        Assert.Equal("hello\n", r.Stdout);
        Assert.Equal("oops\n", r.Stderr);
        var order = daemon.Requests.Select(x => x.Split('?')[0]).ToList();
        Assert.Equal(["HEAD /_ping", "POST /v1.44/containers/create", $"POST /v1.44/containers/{Id}/attach", $"POST /v1.44/containers/{Id}/wait", $"POST /v1.44/containers/{Id}/start"], order);
        Assert.Contains(daemon.Requests, x => x == $"POST /v1.44/containers/{Id}/wait?condition=removed");
        Assert.Contains(daemon.Requests, x => x == "POST /v1.44/containers/create?name=c1");
        Assert.Contains(daemon.Requests, x => x == $"POST /v1.44/containers/{Id}/attach?stderr=1&stdout=1&stream=1");
        var body = System.Text.Json.Nodes.JsonNode.Parse(createBody!)!;
        Assert.Equal("busybox", body["Image"]!.GetValue<string>());
        Assert.Equal("[\"echo\",\"-n\",\"hi\"]", body["Cmd"]!.ToJsonString());
        Assert.Equal("[\"A=1\"]", body["Env"]!.ToJsonString());
        Assert.True(body["HostConfig"]!["AutoRemove"]!.GetValue<bool>());
    }

    [Fact]
    public async Task RunDetachedPrintsIdAndUsesNextExit()
    {
        await using var daemon = new FakeDaemon(async (req, ex) =>
        {
            switch (req.Method, req.Path)
            {
                case ("HEAD", "/_ping"):
                    await ex.RespondAsync(200);
                    break;
                case ("POST", "/v1.44/containers/create"):
                    await ex.RespondAsync(201, $"{{\"Id\":\"{Id}\",\"Warnings\":[\"low memory\"]}}");
                    break;
                case ("POST", $"/v1.44/containers/{Id}/wait"):
                    await ex.StartChunkedAsync();
                    await Task.Delay(200);
                    ex.Close();
                    break;
                case ("POST", $"/v1.44/containers/{Id}/start"):
                    await ex.RespondAsync(204);
                    break;
            }
        });
        var r = await CliHarness.RunAsync(daemon.Host, null, "run", "-d", "busybox", "sleep", "100");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Id + "\n", r.Stdout);
        Assert.Equal("WARNING: low memory\n", r.Stderr);
        Assert.Contains(daemon.Requests, x => x == $"POST /v1.44/containers/{Id}/wait?condition=next-exit");
        Assert.DoesNotContain(daemon.Requests, x => x.Contains("/attach", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunPullsWhenImageIsMissing()
    {
        var creates = 0;
        await using var daemon = new FakeDaemon(async (req, ex) =>
        {
            switch (req.Method, req.Path)
            {
                case ("HEAD", "/_ping"):
                    await ex.RespondAsync(200);
                    break;
                case ("POST", "/v1.44/containers/create"):
                    if (Interlocked.Increment(ref creates) == 1)
                    {
                        await ex.RespondAsync(404, "{\"message\":\"No such image: busybox:latest\"}");
                    }
                    else
                    {
                        await ex.RespondAsync(201, $"{{\"Id\":\"{Id}\"}}");
                    }
                    break;
                case ("POST", "/v1.44/images/create"):
                    await ex.StartChunkedAsync();
                    await ex.WriteChunkAsync(Encoding.UTF8.GetBytes("{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}\n"));
                    await ex.WriteChunkAsync(Encoding.UTF8.GetBytes("{\"status\":\"Status: Downloaded newer image for busybox:latest\"}\n"));
                    await ex.EndChunkedAsync();
                    break;
                case ("POST", $"/v1.44/containers/{Id}/wait"):
                    await ex.StartChunkedAsync();
                    await Task.Delay(100);
                    ex.Close();
                    break;
                case ("POST", $"/v1.44/containers/{Id}/start"):
                    await ex.RespondAsync(204);
                    break;
            }
        });
        var r = await CliHarness.RunAsync(daemon.Host, null, "run", "-d", "busybox");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("Unable to find image 'busybox:latest' locally\nlatest: Pulling from library/busybox\nStatus: Downloaded newer image for busybox:latest\n", r.Stderr);
        Assert.Contains(daemon.Requests, x => x == "POST /v1.44/images/create?fromImage=docker.io%2Flibrary%2Fbusybox&tag=latest");
    }

    [Theory]
    [InlineData("OCI runtime create failed: exec: \"nope\": executable file not found in $PATH", 127)]
    [InlineData("exec /bin/x: permission denied", 126)]
    [InlineData("something else broke", 125)]
    public async Task RunStartErrorsMapToDockersExitCodes(string message, int exitCode)
    {
        await using var daemon = new FakeDaemon(async (req, ex) =>
        {
            switch (req.Method, req.Path)
            {
                case ("HEAD", "/_ping"):
                    await ex.RespondAsync(200);
                    break;
                case ("POST", "/v1.44/containers/create"):
                    await ex.RespondAsync(201, $"{{\"Id\":\"{Id}\"}}");
                    break;
                case ("POST", $"/v1.44/containers/{Id}/wait"):
                    await ex.StartChunkedAsync();
                    await Task.Delay(100);
                    await ex.WriteChunkAsync(Encoding.UTF8.GetBytes("{\"StatusCode\":127}\n"));
                    await ex.EndChunkedAsync();
                    break;
                case ("POST", $"/v1.44/containers/{Id}/start"):
                    await ex.RespondAsync(400, System.Text.Json.Nodes.JsonValue.Create(message) is var v ? $"{{\"message\":{v.ToJsonString()}}}" : "");
                    break;
            }
        });
        var r = await CliHarness.RunAsync(daemon.Host, null, "run", "-d", "--rm", "busybox", "nope");
        Assert.Equal(exitCode, r.ExitCode);
        Assert.Equal($"wharf: Error response from daemon: {message}\n\nRun 'wharf run --help' for more information\n", r.Stderr);
    }

    [Fact]
    public async Task MultiTargetCommandsReportEachFailure()
    {
        await using var daemon = new FakeDaemon(async (req, ex) =>
        {
            if (req.Method == "HEAD")
            {
                await ex.RespondAsync(200);
            }
            else if (req.Path.Contains("/missing/", StringComparison.Ordinal))
            {
                await ex.RespondAsync(404, "{\"message\":\"No such container: missing\"}");
            }
            else
            {
                await ex.RespondAsync(204);
            }
        });
        var r = await CliHarness.RunAsync(daemon.Host, null, "stop", "-t", "3", "a", "missing", "b");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("a\nb\n", r.Stdout);
        Assert.Equal("Error response from daemon: No such container: missing\n", r.Stderr);
        Assert.Contains(daemon.Requests, x => x == "POST /v1.44/containers/a/stop?t=3");
    }

    [Fact]
    public async Task InspectFallsBackToImagesAndPrintsIndentedArray()
    {
        await using var daemon = new FakeDaemon(async (req, ex) =>
        {
            switch (req.Method, req.Path)
            {
                case ("HEAD", "/_ping"):
                    await ex.RespondAsync(200);
                    break;
                case ("GET", "/v1.44/containers/busybox/json"):
                    await ex.RespondAsync(404, "{\"message\":\"No such container: busybox\"}");
                    break;
                case ("GET", "/v1.44/images/busybox/json"):
                    await ex.RespondAsync(200, "{\"Id\":\"sha256:abc\",\"RepoTags\":[\"busybox:latest\"],\"Config\":{\"Cmd\":[\"sh\"]}}");
                    break;
                default:
                    await ex.RespondAsync(404, "{\"message\":\"No such object\"}");
                    break;
            }
        });
        var r = await CliHarness.RunAsync(daemon.Host, null, "inspect", "busybox");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("[\n    {\n        \"Id\": \"sha256:abc\",\n        \"RepoTags\": [\n            \"busybox:latest\"\n        ],\n        \"Config\": {\n            \"Cmd\": [\n                \"sh\"\n            ]\n        }\n    }\n]\n", r.Stdout);

        var formatted = await CliHarness.RunAsync(daemon.Host, null, "inspect", "-f", "{{.Id}} {{json .Config.Cmd}}", "busybox", "nothing");
        Assert.Equal(1, formatted.ExitCode);
        Assert.Equal("sha256:abc [\"sh\"]\n", formatted.Stdout);
        Assert.Equal("Error: No such object: nothing\n", formatted.Stderr);
    }

    [Fact]
    public async Task PsSendsFiltersAndRendersRows()
    {
        await using var daemon = new FakeDaemon(async (req, ex) =>
        {
            if (req.Method == "HEAD")
            {
                await ex.RespondAsync(200);
                return;
            }
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            await ex.RespondAsync(200, $"[{{\"Id\":\"{Id}\",\"Names\":[\"/web\"],\"Image\":\"busybox\",\"Command\":\"sh\",\"Created\":{now - 5},\"Ports\":[],\"State\":\"running\",\"Status\":\"Up 5 seconds\"}}]");
        });
        var r = await CliHarness.RunAsync(daemon.Host, null, "ps", "-a", "--filter", "status=running", "--filter", "name=web");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(
            "CONTAINER ID   IMAGE     COMMAND   CREATED         STATUS         PORTS     NAMES\n" +
            "4f8a1c2b3d4e   busybox   \"sh\"      5 seconds ago   Up 5 seconds             web\n", r.Stdout);
        Assert.Contains(daemon.Requests, x => x == "GET /v1.44/containers/json?all=1&filters=%7B%22name%22%3A%7B%22web%22%3Atrue%7D%2C%22status%22%3A%7B%22running%22%3Atrue%7D%7D");

        var quiet = await CliHarness.RunAsync(daemon.Host, null, "container", "ls", "-q", "--no-trunc");
        Assert.Equal(Id + "\n", quiet.Stdout);
    }

    [Fact]
    public async Task LogsDemultiplexesNonTtyOutput()
    {
        await using var daemon = new FakeDaemon(async (req, ex) =>
        {
            switch (req.Method, req.Path)
            {
                case ("HEAD", "/_ping"):
                    await ex.RespondAsync(200);
                    break;
                case ("GET", "/v1.44/containers/c1/json"):
                    await ex.RespondAsync(200, $"{{\"Id\":\"{Id}\",\"Config\":{{\"Tty\":false}}}}");
                    break;
                case ("GET", $"/v1.44/containers/{Id}/logs"):
                    await ex.StartChunkedAsync(200, "application/vnd.docker.multiplexed-stream");
                    await ex.WriteChunkAsync([.. FakeExchange.Frame(1, "out1\n"), .. FakeExchange.Frame(2, "err1\n")]);
                    await ex.WriteChunkAsync(FakeExchange.Frame(1, "out2\n"));
                    await ex.EndChunkedAsync();
                    break;
            }
        });
        var r = await CliHarness.RunAsync(daemon.Host, null, "logs", "--tail", "5", "-t", "c1");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("out1\nout2\n", r.Stdout);
        Assert.Equal("err1\n", r.Stderr);
        Assert.Contains(daemon.Requests, x => x == $"GET /v1.44/containers/{Id}/logs?stderr=1&stdout=1&tail=5&timestamps=1");
    }

    [Fact]
    public async Task RmiPrintsUntaggedAndDeleted()
    {
        await using var daemon = new FakeDaemon(async (req, ex) =>
        {
            if (req.Method == "HEAD")
            {
                await ex.RespondAsync(200);
                return;
            }
            await ex.RespondAsync(200, "[{\"Untagged\":\"busybox:latest\"},{\"Deleted\":\"sha256:abc\"}]");
        });
        var r = await CliHarness.RunAsync(daemon.Host, null, "rmi", "-f", "busybox");
        Assert.Equal("Untagged: busybox:latest\nDeleted: sha256:abc\n", r.Stdout);
        Assert.Contains(daemon.Requests, x => x == "DELETE /v1.44/images/busybox?force=1");
    }

    [Fact]
    public async Task ImportStreamsStdinAndPrintsTheId()
    {
        byte[]? received = null;
        await using var daemon = new FakeDaemon(async (req, ex) =>
        {
            if (req.Method == "HEAD")
            {
                await ex.RespondAsync(200);
                return;
            }
            received = req.Body;
            await ex.StartChunkedAsync();
            await ex.WriteChunkAsync(Encoding.UTF8.GetBytes("{\"status\":\"sha256:1234\"}\n"));
            await ex.EndChunkedAsync();
        });
        var r = await CliHarness.RunAsync(daemon.Host, [1, 2, 3, 4], "import", "-c", "CMD [\"sh\"]", "-m", "msg", "-", "my/img:1");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("sha256:1234\n", r.Stdout);
        Assert.Equal([1, 2, 3, 4], received);
        Assert.Contains(daemon.Requests, x => x == "POST /v1.44/images/create?fromSrc=-&repo=my%2Fimg%3A1&message=msg&changes=CMD%20%5B%22sh%22%5D");
    }

    [Fact]
    public async Task ImportErrorsInStreamFail()
    {
        await using var daemon = new FakeDaemon(async (req, ex) =>
        {
            if (req.Method == "HEAD")
            {
                await ex.RespondAsync(200);
                return;
            }
            await ex.StartChunkedAsync();
            await ex.WriteChunkAsync(Encoding.UTF8.GetBytes("{\"errorDetail\":{\"message\":\"bad tar\"},\"error\":\"bad tar\"}\n"));
            await ex.EndChunkedAsync();
        });
        var r = await CliHarness.RunAsync(daemon.Host, [1], "import", "-");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("bad tar\n", r.Stderr);
    }

    [Fact]
    public async Task VersionNegotiationUsesLowerServerVersionAndFallsBack()
    {
        await using var old = new FakeDaemon(async (req, ex) =>
        {
            if (req.Method == "HEAD")
            {
                await ex.WriteAsync("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
                return;
            }
            await ex.RespondAsync(200, "[]");
        });
        await CliHarness.RunAsync(old.Host, null, "ps");
        Assert.Contains(old.Requests, x => x.StartsWith("GET /v1.41/containers/json", StringComparison.Ordinal));

        await using var none = new FakeDaemon(async (req, ex) =>
        {
            if (req.Method == "HEAD")
            {
                await ex.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
                return;
            }
            await ex.RespondAsync(200, "[]");
        });
        await CliHarness.RunAsync(none.Host, null, "ps");
        Assert.Contains(none.Requests, x => x.StartsWith("GET /v1.24/containers/json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ErrorWithoutJsonBodyUsesRawText()
    {
        await using var daemon = new FakeDaemon(async (req, ex) =>
        {
            if (req.Method == "HEAD")
            {
                await ex.RespondAsync(200);
                return;
            }
            await ex.RespondAsync(500, "plain failure", "text/plain");
        });
        var r = await CliHarness.RunAsync(daemon.Host, null, "images");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("Error response from daemon: plain failure\n", r.Stderr);
    }
}
