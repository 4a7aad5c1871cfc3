namespace Wharf.Api.Client;

public sealed partial class WharfClient
{
    /// <summary><c>POST /containers/{id}/pause</c>.</summary>
    public Task PauseContainerAsync(string id, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Post, $"/containers/{PathPart(id)}/pause", null, cancellationToken);

    /// <summary><c>POST /containers/{id}/unpause</c>.</summary>
    public Task UnpauseContainerAsync(string id, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Post, $"/containers/{PathPart(id)}/unpause", null, cancellationToken);

    /// <summary><c>POST /containers/{id}/rename?name=</c>.</summary>
    public Task RenameContainerAsync(string id, string newName, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Post, $"/containers/{PathPart(id)}/rename{new QueryBuilder().Add("name", newName)}", null, cancellationToken);

    /// <summary><c>POST /containers/{id}/restart</c> with an optional stop timeout and signal.</summary>
    public Task RestartContainerAsync(string id, int? timeoutSeconds = null, string? signal = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder().AddIfNotEmpty("signal", signal);
        if (timeoutSeconds is { } t)
        {
            query.Add("t", t);
        }
        return SendNoContentAsync(HttpMethod.Post, $"/containers/{PathPart(id)}/restart{query}", null, cancellationToken);
    }
}
