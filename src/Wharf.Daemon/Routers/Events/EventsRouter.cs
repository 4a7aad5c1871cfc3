using System.Text.Json;
using Wharf.Api.Json;
using Wharf.Api.Streams;
using Wharf.Core.Errors;
using Wharf.Core.Units;
using Wharf.Daemon.Http;
using Wharf.Engine.Events;
using Wire = Wharf.Api.Models;

namespace Wharf.Daemon.Routers.Events;

/// <summary>
/// <c>GET /events</c>: replays kept events in the <c>since</c>/<c>until</c> window, then streams new ones as JSON lines
/// (each flushed) until <c>until</c> passes or the client goes away; the subscription always ends with the request.
/// </summary>
public sealed class EventsRouter(EventLog events) : IApiRouter
{
    /// <inheritdoc />
    public void Map(RouteTable routes) => routes.Get("/events", StreamAsync);

    private async Task StreamAsync(ApiRequest request)
    {
        var sinceText = request.Query("since");
        var untilText = request.Query("until");
        var since = ToNanoseconds(Timestamps.ParseTimestamps(sinceText, -1));
        var until = ToNanoseconds(Timestamps.ParseTimestamps(untilText, -1));
        var filters = request.Filters();
        var filter = new EventFilter(filters.Keys.ToDictionary(k => k, k => filters.Get(k), StringComparer.Ordinal));
        var now = (DateTimeOffset.UtcNow.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
        var onlyPast = false;
        TimeSpan? remaining = null;
        if (until is { } end)
        {
            if (since is { } start && end < start)
            {
                throw new InvalidArgumentException($"`since` time ({sinceText}) cannot be after `until` time ({untilText})");
            }
            onlyPast = end < now;
            remaining = onlyPast ? null : TimeSpan.FromTicks((end - now) / 100);
        }

        var response = request.Context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers.ContentType = StreamContentTypes.Json;
        await response.StartAsync(request.Aborted);
        await response.Body.FlushAsync(request.Aborted);

        using var subscription = events.Subscribe(since, until, filter);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(request.Aborted);
        if (remaining is { } wait)
        {
            stop.CancelAfter(wait);
        }
        try
        {
            foreach (var message in subscription.Replay)
            {
                await WriteAsync(response, message, stop.Token);
            }
            if (onlyPast)
            {
                return;
            }
            await foreach (var message in subscription.Live.ReadAllAsync(stop.Token))
            {
                await WriteAsync(response, message, stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // `until` reached or the client went away: the stream simply ends.
        }
        catch (IOException)
        {
        }
    }

    private static async Task WriteAsync(HttpResponse response, EventMessage message, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(ToWire(message), WharfApiJsonContext.Default.EventMessage);
        await response.Body.WriteAsync(bytes, ct);
        await response.Body.WriteAsync("\n"u8.ToArray(), ct);
        await response.Body.FlushAsync(ct);
    }

    /// <summary>The wire form, with the legacy fields Docker still fills for container and image events.</summary>
    public static Wire.EventMessage ToWire(EventMessage message)
    {
        var wire = new Wire.EventMessage
        {
            Type = message.Type,
            Action = message.Action,
            Actor = new Wire.EventActor { Id = message.ActorId, Attributes = message.Attributes.ToDictionary(StringComparer.Ordinal) },
            Scope = "local",
            Time = message.Time,
            TimeNano = message.TimeNano,
        };
        if (message.Type is EventTypes.Container or EventTypes.Image)
        {
            wire.Status = message.Action;
            wire.Id = message.ActorId;
            if (message.Type == EventTypes.Container && message.Attributes.TryGetValue("image", out var image))
            {
                wire.From = image;
            }
        }
        return wire;
    }

    private static long? ToNanoseconds(UnixTimestamp timestamp) =>
        timestamp.Seconds == -1 && timestamp.Nanoseconds == 0 ? null : timestamp.Seconds * 1_000_000_000 + timestamp.Nanoseconds;
}
