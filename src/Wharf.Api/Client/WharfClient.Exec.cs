using System.Text;
using System.Text.Json.Nodes;

namespace Wharf.Api.Client;

public sealed partial class WharfClient
{
    /// <summary><c>POST /containers/{id}/exec</c> with a Docker ExecConfig body; returns the exec ID.</summary>
    public async Task<string> CreateExecAsync(string containerId, JsonObject body, CancellationToken cancellationToken = default)
    {
        var response = await SendForJsonAsync(HttpMethod.Post, $"/containers/{PathPart(containerId)}/exec", body, cancellationToken).ConfigureAwait(false);
        var id = response?["Id"]?.GetValue<string>();
        return string.IsNullOrEmpty(id) ? throw new InvalidDataException("exec ID empty") : id;
    }

    /// <summary><c>POST /exec/{id}/start</c> with <c>Detach: true</c>: runs the process in the background.</summary>
    public Task StartExecDetachedAsync(string execId, bool tty, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Post, $"/exec/{PathPart(execId)}/start", StartBody(true, tty, null), cancellationToken);

    /// <summary>Hijacks <c>POST /exec/{id}/start</c>: the process's output and stdin as a raw bidirectional stream.</summary>
    public async Task<HijackedConnection> StartExecAttachedAsync(string execId, bool tty, (int Height, int Width)? consoleSize = null, CancellationToken cancellationToken = default)
    {
        var prefix = await GetPathPrefixAsync(cancellationToken).ConfigureAwait(false);
        var body = Encoding.UTF8.GetBytes(StartBody(false, tty, consoleSize).ToJsonString());
        return await HijackedConnection.OpenAsync(this, prefix + $"/exec/{PathPart(execId)}/start", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST /exec/{id}/resize</c>.</summary>
    public Task ResizeExecAsync(string execId, int height, int width, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Post, $"/exec/{PathPart(execId)}/resize{new QueryBuilder().Add("h", height).Add("w", width)}", null, cancellationToken);

    /// <summary><c>GET /exec/{id}/json</c>.</summary>
    public async Task<JsonObject> InspectExecAsync(string execId, CancellationToken cancellationToken = default) =>
        await SendForJsonAsync(HttpMethod.Get, $"/exec/{PathPart(execId)}/json", null, cancellationToken).ConfigureAwait(false) as JsonObject
        ?? throw new InvalidDataException("empty exec inspect response");

    private static JsonObject StartBody(bool detach, bool tty, (int Height, int Width)? consoleSize)
    {
        var body = new JsonObject { ["Detach"] = detach, ["Tty"] = tty };
        if (consoleSize is { } size)
        {
            body["ConsoleSize"] = new JsonArray(size.Height, size.Width);
        }
        return body;
    }
}
