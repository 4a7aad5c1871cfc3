using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The <c>Error</c> of a wait response.</summary>
public sealed class WaitExitError
{
    /// <summary>Error text.</summary>
    [JsonPropertyName("Message")] public string Message { get; set; } = "";
}
