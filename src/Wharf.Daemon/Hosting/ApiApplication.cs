using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Wharf.Daemon.Http;

namespace Wharf.Daemon.Hosting;

/// <summary>
/// What Kestrel runs for each request: a plain <see cref="DefaultHttpContext"/> over the connection's features handed to
/// the <see cref="ApiPipeline"/>. No generic host, DI container or routing behind it, which keeps the idle daemon small.
/// </summary>
internal sealed class ApiApplication(ApiPipeline pipeline) : IHttpApplication<HttpContext>
{
    /// <inheritdoc/>
    public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    /// <inheritdoc/>
    public Task ProcessRequestAsync(HttpContext context) => pipeline.InvokeAsync(context);

    /// <inheritdoc/>
    public void DisposeContext(HttpContext context, Exception? exception) => ((DefaultHttpContext)context).Uninitialize();
}
