using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Numbers of a progress message; <c>{}</c> when there is nothing to count.</summary>
public sealed class ProgressDetail
{
    /// <summary>Units done.</summary>
    [JsonPropertyName("current")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public long Current { get; set; }
    /// <summary>Units in all.</summary>
    [JsonPropertyName("total")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public long Total { get; set; }
}
