using Wharf.Engine.Images;

namespace Wharf.Engine.Events;

/// <summary>Docker's image events (<c>tag</c>, <c>untag</c>, <c>delete</c>, <c>import</c>): actor ID = image ID, attributes = the image's labels plus <c>name</c>.</summary>
public static class ImageEvents
{
    /// <summary>Publishes one image event; <paramref name="name"/> defaults to the image ID, as Docker does for untag, delete and import.</summary>
    public static void Publish(IEventPublisher? events, string action, ImageRecord image, string? name = null)
    {
        if (events is null)
        {
            return;
        }
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in image.Labels)
        {
            attributes[key] = value;
        }
        var id = image.Id.ToString();
        attributes["name"] = name ?? id;
        events.Publish(EventTypes.Image, action, id, attributes);
    }

    /// <summary>The events of an <c>rmi</c>: one <c>untag</c> per removed reference, then <c>delete</c> when the image itself went.</summary>
    public static void PublishRemoval(IEventPublisher? events, ImageRecord image, IReadOnlyList<ImageDeleteEntry> records)
    {
        var id = image.Id.ToString();
        foreach (var record in records)
        {
            if (record.Untagged is not null)
            {
                Publish(events, "untag", image);
            }
        }
        if (records.Any(r => r.Deleted == id))
        {
            Publish(events, "delete", image);
        }
    }
}
