using Wharf.Core.Errors;
using Wharf.Daemon.Http;

namespace Wharf.Daemon.Routers.Containers;

public sealed partial class ContainersRouter
{
    /// <summary>The pause, unpause and rename routes (204 on success; 409 with Docker's texts when the state does not allow it).</summary>
    private void MapLifecycle(RouteTable routes)
    {
        routes.Post("/containers/{id}/pause", PauseAsync);
        routes.Post("/containers/{id}/unpause", UnpauseAsync);
        routes.Post("/containers/{id}/rename", RenameAsync);
    }

    private async Task PauseAsync(ApiRequest request)
    {
        await containers.PauseAsync(request.Route("id"), CancellationToken.None);
        await ApiResponses.NoContentAsync(request.Context);
    }

    private async Task UnpauseAsync(ApiRequest request)
    {
        await containers.UnpauseAsync(request.Route("id"), CancellationToken.None);
        await ApiResponses.NoContentAsync(request.Context);
    }

    private async Task RenameAsync(ApiRequest request)
    {
        var name = request.Query("name");
        if (string.IsNullOrEmpty(name))
        {
            throw new InvalidArgumentException("Neither old nor new names may be empty");
        }
        await containers.RenameAsync(request.Route("id"), name, CancellationToken.None);
        await ApiResponses.NoContentAsync(request.Context);
    }
}
