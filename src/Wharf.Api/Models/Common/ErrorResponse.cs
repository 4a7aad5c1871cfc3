using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Docker's error body: <c>{"message": "…"}</c>.</summary>
public sealed class ErrorResponse
{
    /// <summary>The error text clients print (and sometimes match on).</summary>
    [JsonPropertyName("message")] public string Message { get; set; } = "";
}
