using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>One <c>GET /events</c> message (Docker's <c>events.Message</c>), with the legacy <c>status/id/from</c> fields for container and image events.</summary>
public sealed class EventMessage
{
    /// <summary>Legacy: the action (container and image events only).</summary>
    [JsonPropertyName("status")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Status { get; set; }
    /// <summary>Legacy: the actor ID (container and image events only).</summary>
    [JsonPropertyName("id")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Id { get; set; }
    /// <summary>Legacy: the container's image (container events only).</summary>
    [JsonPropertyName("from")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? From { get; set; }
    /// <summary><c>container</c>, <c>image</c>, <c>network</c>, <c>volume</c>, <c>daemon</c>.</summary>
    [JsonPropertyName("Type")] public string Type { get; set; } = "";
    /// <summary>What happened, e.g. <c>start</c>.</summary>
    [JsonPropertyName("Action")] public string Action { get; set; } = "";
    /// <summary>The object it happened to.</summary>
    [JsonPropertyName("Actor")] public EventActor Actor { get; set; } = new();
    /// <summary><c>local</c> for engine events.</summary>
    [JsonPropertyName("scope")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Scope { get; set; }
    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("time")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public long Time { get; set; }
    /// <summary>Unix nanoseconds.</summary>
    [JsonPropertyName("timeNano")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public long TimeNano { get; set; }
}
