using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The <c>errorDetail</c> of a JSON progress message.</summary>
public sealed class ErrorDetail
{
    /// <summary>Optional numeric code.</summary>
    [JsonPropertyName("code")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int Code { get; set; }
    /// <summary>Error text.</summary>
    [JsonPropertyName("message")] public string Message { get; set; } = "";
}
