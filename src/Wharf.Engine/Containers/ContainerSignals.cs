using Wharf.Core.Signals;

namespace Wharf.Engine.Containers;

/// <summary>The signals the lifecycle service sends, and parsing with a fallback for an empty value.</summary>
public static class ContainerSignals
{
    /// <summary>SIGKILL.</summary>
    public const int Kill = 9;

    /// <summary>SIGTERM, Docker's default stop signal.</summary>
    public const int Term = 15;

    /// <summary>The signal number of <paramref name="value"/>; empty gives <paramref name="fallback"/>. Throws <c>Invalid signal: x</c>.</summary>
    public static int Parse(string? value, int fallback = Term) =>
        string.IsNullOrWhiteSpace(value) ? fallback : SignalNames.Parse(value);
}
