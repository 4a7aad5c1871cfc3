using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Docker's <c>{"Id": "…"}</c> answer (exec create, commit).</summary>
public sealed class IdResponse
{
    /// <summary>The new object's ID.</summary>
    [JsonPropertyName("Id")] public string Id { get; set; } = "";
}
