using System.Text;

namespace Wharf.Engine.Containers.Health;

/// <summary>Collects a probe's stdout and stderr up to <see cref="HealthTracker.MaxOutputBytes"/> bytes; more is dropped and marked with <c>...</c>, as Docker does.</summary>
public sealed class ProbeOutput
{
    private readonly MemoryStream _buffer = new();
    private bool _truncated;

    /// <summary>Adds output bytes.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        var keep = Math.Min(HealthTracker.MaxOutputBytes - (int)_buffer.Length, data.Length);
        if (keep > 0)
        {
            _buffer.Write(data[..keep]);
        }
        if (keep < data.Length)
        {
            _truncated = true;
        }
    }

    /// <summary>The kept output as text.</summary>
    public override string ToString() => Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length) + (_truncated ? "..." : "");
}
