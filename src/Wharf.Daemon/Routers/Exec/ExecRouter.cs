using System.Text;
using Wharf.Api.Json;
using Wharf.Api.Models;
using Wharf.Api.Streams;
using Wharf.Core.Errors;
using Wharf.Daemon.Http;
using Wharf.Engine.Containers;
using Wharf.Engine.Containers.Exec;
using Wharf.Engine.Runtime;

namespace Wharf.Daemon.Routers.Exec;

/// <summary>The exec routes: <c>POST /containers/{id}/exec</c>, <c>POST /exec/{id}/start</c> (hijacked), <c>POST /exec/{id}/resize</c>, <c>GET /exec/{id}/json</c>.</summary>
public sealed class ExecRouter(ContainerService containers) : IApiRouter
{
    /// <summary>How long a finished stream waits for the exit code to be recorded before it closes anyway.</summary>
    private static readonly TimeSpan s_exitGrace = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public void Map(RouteTable routes)
    {
        routes.Post("/containers/{id}/exec", CreateAsync);
        routes.Post("/exec/{id}/start", StartAsync);
        routes.Post("/exec/{id}/resize", ResizeAsync);
        routes.Get("/exec/{id}/json", InspectAsync);
    }

    private async Task CreateAsync(ApiRequest request)
    {
        var body = await request.ReadJsonAsync(WharfApiJsonContext.Default.ExecCreateRequest)
            ?? throw new InvalidArgumentException("No exec command specified");
        var exec = containers.CreateExec(request.Route("id"), new ExecCreateOptions
        {
            Cmd = body.Cmd ?? [],
            Env = body.Env ?? [],
            User = body.User,
            WorkingDir = body.WorkingDir,
            Privileged = body.Privileged,
            Tty = body.Tty,
            AttachStdin = body.AttachStdin,
            AttachStdout = body.AttachStdout,
            AttachStderr = body.AttachStderr,
            DetachKeys = string.IsNullOrEmpty(body.DetachKeys) ? null : body.DetachKeys,
            ConsoleSize = ToSize(body.ConsoleSize),
        });
        await ApiResponses.WriteJsonAsync(request.Context, new IdResponse { Id = exec.Id }, WharfApiJsonContext.Default.IdResponse, StatusCodes.Status201Created);
    }

    private async Task StartAsync(ApiRequest request)
    {
        var execId = request.Route("id");
        var raw = await HijackedStream.ReadBodyAsync(request.Context);
        var body = (raw.Length == 0 ? null : ApiRequest.ParseJson(raw, WharfApiJsonContext.Default.ExecStartRequest)) ?? new ExecStartRequest();
        // Look everything up before the hijack, so these errors still go out as JSON with Docker's status codes.
        var exec = containers.GetExec(execId);
        var state = exec.Snapshot();
        if (state.ExitCode.HasValue)
        {
            throw new ConflictException($"Error: Exec command {exec.Id} has already run");
        }
        if (state.Running)
        {
            throw new ConflictException($"Error: Exec command {exec.Id} is already running");
        }
        var size = ToSize(body.ConsoleSize);
        if (body.Detach)
        {
            // A detached process outlives this request.
            await containers.StartExecAsync(exec.Id, attach: false, size, CancellationToken.None);
            request.Context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        await using var client = await HijackedStream.BeginAsync(request, body.Tty);
        ExecStream? stream;
        try
        {
            stream = await containers.StartExecAsync(exec.Id, attach: true, size, CancellationToken.None);
        }
        catch (WharfException e)
        {
            // As Docker: after the hijack the start error goes to the client's stdout, and exec inspect carries 126/127.
            await TryWriteAsync(client, StdioStreamType.Stdout, Encoding.UTF8.GetBytes(e.Message + "\r\n"));
            return;
        }
        await using var attach = stream!.Attach;
        await PumpAsync(client, exec, attach, request.Aborted);
    }

    private async Task PumpAsync(HijackedStream client, ExecInstance exec, AttachConnection attach, CancellationToken aborted)
    {
        var options = exec.Options;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var stdin = options.AttachStdin && client.Upgraded
            ? StdinPump.CopyAsync(client.Stdin, attach, options.Tty ? exec.DetachKeys : null, closeStdinAtEof: !options.Tty, done.Token)
            : Task.FromResult(StdinResult.EndOfInput);
        if (options.AttachStdin && client.Upgraded)
        {
            // As Docker: with a tty, the end of the client's stdin (detach keys, the docker CLI closing after its own detach,
            // or a lost client) ends the stream; the process keeps running. Without a tty, EOF only closes the process's stdin.
            _ = stdin.ContinueWith(t =>
            {
                if (!t.IsCompletedSuccessfully || (t.Result == StdinResult.EndOfInput && !options.Tty))
                {
                    return;
                }
                if (t.Result == StdinResult.Detached)
                {
                    containers.ReportDetach(exec.ContainerId, exec.Id);
                }
                try
                {
                    done.Cancel();
                }
                catch (ObjectDisposedException)
                {
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        var clientGone = false;
        try
        {
            while (await attach.ReceiveAsync(done.Token) is { } packet)
            {
                var wanted = packet.Stream == StdStream.Stderr ? options.AttachStderr : options.AttachStdout;
                if (wanted && !await TryWriteAsync(client, packet.Stream == StdStream.Stderr ? StdioStreamType.Stderr : StdioStreamType.Stdout, packet.Data, done.Token))
                {
                    clientGone = true;
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            clientGone = true;
        }
        if (!clientGone)
        {
            // The CLI asks /exec/{id}/json for the exit code as soon as the stream ends: record it first.
            try
            {
                await exec.Ended.WaitAsync(s_exitGrace, CancellationToken.None);
            }
            catch (TimeoutException)
            {
            }
        }
        done.Cancel();
        try
        {
            await stdin;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<bool> TryWriteAsync(HijackedStream client, StdioStreamType stream, ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        try
        {
            await client.WriteAsync(stream, data, ct);
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or Microsoft.AspNetCore.Connections.ConnectionResetException)
        {
            return false;
        }
    }

    private async Task ResizeAsync(ApiRequest request)
    {
        var height = request.Int("h") ?? throw new InvalidArgumentException("invalid resize height");
        var width = request.Int("w") ?? throw new InvalidArgumentException("invalid resize width");
        await containers.ResizeExecAsync(request.Route("id"), height, width, request.Aborted);
        request.Context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task InspectAsync(ApiRequest request)
    {
        var exec = containers.GetExec(request.Route("id"));
        var state = exec.Snapshot();
        var cmd = exec.Options.Cmd;
        var answer = new ExecInspectResponse
        {
            Id = exec.Id,
            Running = state.Running,
            ExitCode = state.ExitCode,
            ProcessConfig = new ExecProcessConfig
            {
                Tty = exec.Options.Tty,
                Entrypoint = cmd.Count > 0 ? cmd[0] : "",
                Arguments = cmd.Skip(1).ToList(),
                Privileged = exec.Options.Privileged,
                User = string.IsNullOrEmpty(exec.Options.User) ? null : exec.Options.User,
            },
            OpenStdin = exec.Options.AttachStdin,
            OpenStdout = exec.Options.AttachStdout,
            OpenStderr = exec.Options.AttachStderr,
            CanRemove = state.CanRemove,
            ContainerId = exec.ContainerId,
            DetachKeys = exec.Options.DetachKeys is null ? null : exec.DetachKeys,
            Pid = state.Pid,
        };
        await ApiResponses.WriteJsonAsync(request.Context, answer, WharfApiJsonContext.Default.ExecInspectResponse);
    }

    private static (int Height, int Width)? ToSize(List<int>? size) =>
        size is [var h, var w] && h > 0 && w > 0 ? (h, w) : null;
}
