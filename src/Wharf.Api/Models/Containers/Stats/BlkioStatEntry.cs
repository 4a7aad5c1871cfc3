using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>One block I/O counter.</summary>
public sealed class BlkioStatEntry
{
    /// <summary>Device major.</summary>
    [JsonPropertyName("major")] public ulong Major { get; set; }
    /// <summary>Device minor.</summary>
    [JsonPropertyName("minor")] public ulong Minor { get; set; }
    /// <summary>Operation (<c>Read</c>, <c>Write</c>, … on v1; <c>read</c>/<c>write</c> on v2).</summary>
    [JsonPropertyName("op")] public string Op { get; set; } = "";
    /// <summary>Value.</summary>
    [JsonPropertyName("value")] public ulong Value { get; set; }
}
