using System.Text;
using Wharf.Api.Json;
using Wharf.Api.Models;
using Wharf.Api.Streams;
using Wharf.Core.Errors;
using Wharf.Daemon.Http;
using Wharf.Daemon.Mapping;
using Wharf.Engine.Containers;
using Wharf.Engine.Runtime;
using Wharf.Engine.Runtime.Conmon;

namespace Wharf.Daemon.Routers.Containers;

/// <summary>The <c>/containers</c> routes: create, start, stop, kill, restart, wait, attach, logs, list, inspect, remove, export, prune, resize.</summary>
public sealed partial class ContainersRouter(ContainerService containers, string driver) : IApiRouter
{
    /// <inheritdoc />
    public void Map(RouteTable routes)
    {
        routes.Post("/containers/create", CreateAsync);
        routes.Get("/containers/json", ListAsync);
        routes.Post("/containers/prune", PruneAsync);
        routes.Get("/containers/{id}/json", InspectAsync);
        routes.Post("/containers/{id}/start", StartAsync);
        routes.Post("/containers/{id}/stop", StopAsync);
        routes.Post("/containers/{id}/restart", RestartAsync);
        routes.Post("/containers/{id}/kill", KillAsync);
        routes.Post("/containers/{id}/wait", WaitAsync);
        routes.Post("/containers/{id}/attach", AttachAsync);
        routes.Post("/containers/{id}/resize", ResizeAsync);
        routes.Get("/containers/{id}/logs", LogsAsync);
        routes.Get("/containers/{id}/export", ExportAsync);
        routes.Delete("/containers/{id}", RemoveAsync);
        MapArchive(routes);
        MapResources(routes);
        MapLifecycle(routes);
    }

    private async Task CreateAsync(ApiRequest request)
    {
        var body = await request.ReadJsonAsync(WharfApiJsonContext.Default.ContainerCreateRequest)
            ?? throw new InvalidArgumentException("config cannot be empty in order to create a container");
        if (string.IsNullOrEmpty(body.Image))
        {
            throw new InvalidArgumentException("no command specified");
        }
        var result = await containers.CreateAsync(ContainerMapper.ToCreateOptions(body, request.Query("name")), request.Aborted);
        await ApiResponses.WriteJsonAsync(request.Context, new ContainerCreateResponse { Id = result.Id, Warnings = result.Warnings.ToList() },
            WharfApiJsonContext.Default.ContainerCreateResponse, StatusCodes.Status201Created);
    }

    private async Task ListAsync(ApiRequest request)
    {
        var filters = request.Filters();
        var options = new ContainerListOptions
        {
            All = request.Bool("all"),
            Limit = request.Int("limit") ?? 0,
            Size = request.Bool("size"),
            Filters = filters.Keys.ToDictionary(k => k, k => filters.Get(k)),
        };
        var list = await containers.ListAsync(options, request.Aborted);
        var now = DateTimeOffset.UtcNow;
        await ApiResponses.WriteJsonAsync(request.Context, list.Select(c => ContainerMapper.ToSummary(containers.WithNetwork(c), now)).ToList(),
            WharfApiJsonContext.Default.ListContainerSummary);
    }

    private async Task InspectAsync(ApiRequest request)
    {
        var details = containers.WithNetwork(await containers.InspectAsync(request.Route("id"), request.Bool("size"), request.Aborted));
        await ApiResponses.WriteJsonAsync(request.Context, ContainerMapper.ToInspect(details, driver).WithExecIds(containers.ExecIds(details.Container.Id)), WharfApiJsonContext.Default.ContainerInspect);
    }

    private async Task StartAsync(ApiRequest request)
    {
        // Started containers outlive this request: the client hanging up must not cancel the start half-way.
        await containers.StartAsync(request.Route("id"), ct: CancellationToken.None);
        await ApiResponses.NoContentAsync(request.Context);
    }

    private async Task StopAsync(ApiRequest request)
    {
        await containers.StopAsync(request.Route("id"), request.Int("t"), NullIfEmpty(request.Query("signal")), CancellationToken.None);
        await ApiResponses.NoContentAsync(request.Context);
    }

    private async Task RestartAsync(ApiRequest request)
    {
        // Stops if running, then starts; emits Docker's restart event.
        await containers.RestartAsync(request.Route("id"), request.Int("t"), NullIfEmpty(request.Query("signal")), CancellationToken.None);
        await ApiResponses.NoContentAsync(request.Context);
    }

    private async Task KillAsync(ApiRequest request)
    {
        await containers.KillAsync(request.Route("id"), NullIfEmpty(request.Query("signal")), CancellationToken.None);
        await ApiResponses.NoContentAsync(request.Context);
    }

    private async Task WaitAsync(ApiRequest request)
    {
        var condition = request.Query("condition") switch
        {
            null or "" or "not-running" => ContainerWaitCondition.NotRunning,
            "next-exit" => ContainerWaitCondition.NextExit,
            "removed" => ContainerWaitCondition.Removed,
            var other => throw new InvalidArgumentException($"invalid condition: \"{other}\""),
        };
        var id = containers.Get(request.Route("id")).Id;
        // `docker run` blocks on these headers before it starts the container: send them now.
        var response = request.Context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers.ContentType = StreamContentTypes.Json;
        await response.StartAsync(request.Aborted);
        await response.Body.FlushAsync(request.Aborted);
        ContainerWaitResponse answer;
        try
        {
            var result = await containers.WaitAsync(id, condition, request.Aborted);
            answer = new ContainerWaitResponse { StatusCode = result.StatusCode, Error = result.Error is null ? null : new WaitExitError { Message = result.Error } };
        }
        catch (WharfException e)
        {
            answer = new ContainerWaitResponse { StatusCode = -1, Error = new WaitExitError { Message = e.Message } };
        }
        var bytes = global::System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(answer, WharfApiJsonContext.Default.ContainerWaitResponse);
        await response.Body.WriteAsync(bytes, request.Aborted);
        await response.Body.WriteAsync("\n"u8.ToArray(), request.Aborted);
    }

    private async Task AttachAsync(ApiRequest request)
    {
        var container = containers.Get(request.Route("id"));
        var wantStdin = request.Bool("stdin");
        var wantStdout = request.Bool("stdout");
        var wantStderr = request.Bool("stderr");
        var stream = request.Bool("stream");
        var logs = request.Bool("logs");
        _ = await HijackedStream.ReadBodyAsync(request.Context);
        var tty = container.Config.Tty;
        var detachKeys = Exec.AttachDetach.ParseKeys(request.Query("detachKeys"));
        await using var client = await HijackedStream.BeginAsync(request, tty);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(request.Aborted);
        try
        {
            if (logs)
            {
                await foreach (var entry in containers.ReadLogsAsync(container.Id, new LogReadOptions { Stdout = wantStdout, Stderr = wantStderr }, done.Token))
                {
                    await client.WriteAsync(ToStdio(entry.Stream), entry.Bytes, done.Token);
                }
            }
            if (!stream)
            {
                return;
            }
            await using var attach = await containers.AttachAsync(container.Id, done.Token);
            Task stdinPump = wantStdin && client.Upgraded ? Exec.AttachDetach.PumpStdinAsync(containers, container.Id, client.Stdin, attach, tty, container.Config.StdinOnce, detachKeys, done) : Task.CompletedTask;
            await Exec.AttachDetach.PumpOutputAsync(client, attach, wantStdout, wantStderr, done.Token);
            done.Cancel();
            try
            {
                await stdinPump;
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
            }
        }
        catch (WharfException e)
        {
            await client.WriteErrorAsync(e.Message, CancellationToken.None);
        }
    }

    private Task ResizeAsync(ApiRequest request)
    {
        containers.Resize(request.Route("id"), request.Int("h") ?? 0, request.Int("w") ?? 0);
        request.Context.Response.StatusCode = StatusCodes.Status200OK;
        return Task.CompletedTask;
    }

    private async Task LogsAsync(ApiRequest request)
    {
        var stdout = request.Bool("stdout");
        var stderr = request.Bool("stderr");
        if (!stdout && !stderr)
        {
            throw new InvalidArgumentException("Bad parameters: you must choose at least one stream");
        }
        var container = containers.Get(request.Route("id"));
        var tailText = request.Query("tail");
        var tail = -1;
        if (!string.IsNullOrEmpty(tailText) && tailText != "all" && (!int.TryParse(tailText, out tail) || tail < 0))
        {
            tail = -1;
        }
        var options = new LogReadOptions
        {
            Stdout = stdout,
            Stderr = stderr,
            Follow = request.Bool("follow"),
            Tail = tail,
            Since = DockerTime.ParseUnixOrRfc3339(request.Query("since")),
            Until = DockerTime.ParseUnixOrRfc3339(request.Query("until")),
        };
        var timestamps = request.Bool("timestamps");
        var tty = container.Config.Tty;
        var response = request.Context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers.ContentType = !tty && request.AtLeast("1.42") ? StreamContentTypes.Multiplexed : StreamContentTypes.Raw;
        await response.StartAsync(request.Aborted);
        await response.Body.FlushAsync(request.Aborted);
        await foreach (var entry in containers.ReadLogsAsync(container.Id, options, request.Aborted))
        {
            ReadOnlyMemory<byte> payload = entry.Bytes;
            if (timestamps)
            {
                payload = Encoding.ASCII.GetBytes(DockerTime.FormatFixedNano(entry.Timestamp) + " ").Concat(entry.Bytes).ToArray();
            }
            if (tty)
            {
                await response.Body.WriteAsync(payload, request.Aborted);
            }
            else
            {
                await MultiplexedStream.WriteAsync(response.Body, ToStdio(entry.Stream), payload, request.Aborted);
            }
            await response.Body.FlushAsync(request.Aborted);
        }
    }

    private async Task ExportAsync(ApiRequest request)
    {
        var container = containers.Get(request.Route("id"));
        var response = request.Context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers.ContentType = StreamContentTypes.Tar;
        // The tar writer writes synchronously.
        if (request.Context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } bodyControl)
        {
            bodyControl.AllowSynchronousIO = true;
        }
        await containers.ExportAsync(container.Id, response.Body, request.Aborted);
    }

    private async Task RemoveAsync(ApiRequest request)
    {
        await containers.RemoveAsync(request.Route("id"), request.Bool("force"), request.Bool("v"), CancellationToken.None);
        await ApiResponses.NoContentAsync(request.Context);
    }

    private async Task PruneAsync(ApiRequest request)
    {
        var filters = request.Filters();
        filters.Validate("until", "label", "label!");
        var until = filters.Get("until").Select(DockerTime.ParseUnixOrRfc3339).Where(t => t is not null).Select(t => t!.Value).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        var answer = new ContainerPruneResponse();
        var all = await containers.ListAsync(new ContainerListOptions { All = true, Size = true }, request.Aborted);
        foreach (var details in all)
        {
            var c = details.Container;
            if (c.State.Running || c.Created >= until || !filters.MatchKeyValueList("label", c.Config.Labels))
            {
                continue;
            }
            if (filters.Contains("label!") && filters.Get("label!").Count > 0)
            {
                var negated = new Filters();
                foreach (var v in filters.Get("label!"))
                {
                    negated.Add("label", v);
                }
                if (negated.MatchKeyValueList("label", c.Config.Labels))
                {
                    continue;
                }
            }
            try
            {
                await containers.RemoveAsync(c.Id, force: false, removeVolumes: false, CancellationToken.None);
                answer.ContainersDeleted.Add(c.Id);
                answer.SpaceReclaimed += details.SizeRw ?? 0;
            }
            catch (WharfException)
            {
                // Removed or started meanwhile: not pruned.
            }
        }
        await ApiResponses.WriteJsonAsync(request.Context, answer, WharfApiJsonContext.Default.ContainerPruneResponse);
    }

    private static StdioStreamType ToStdio(StdStream stream) => stream == StdStream.Stderr ? StdioStreamType.Stderr : StdioStreamType.Stdout;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
