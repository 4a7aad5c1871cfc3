using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>One entry of <c>DELETE /images/{name}</c>'s answer: either <c>Untagged</c> or <c>Deleted</c>.</summary>
public sealed class ImageDeleteResponseItem
{
    /// <summary>A reference that was removed.</summary>
    [JsonPropertyName("Untagged")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Untagged { get; set; }
    /// <summary>An image ID that was deleted.</summary>
    [JsonPropertyName("Deleted")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Deleted { get; set; }
}
