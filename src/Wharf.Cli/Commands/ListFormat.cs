namespace Wharf.Cli.Commands;

/// <summary>How docker's list commands (ps, images, volume ls, network ls) pick their <c>--format</c> from the flags.</summary>
internal static class ListFormat
{
    /// <summary>
    /// No format or plain <c>table</c>: <paramref name="quietFormat"/> with <c>-q</c>, else <paramref name="tableFormat"/>;
    /// a <c>table …</c> format with <c>-q</c> gives way to <paramref name="quietFormat"/>; any other format stands.
    /// </summary>
    public static string Choose(string? format, bool quiet, string quietFormat, string tableFormat)
    {
        if (string.IsNullOrEmpty(format) || format == "table")
        {
            return quiet ? quietFormat : tableFormat;
        }
        return quiet && format.StartsWith("table", StringComparison.Ordinal) ? quietFormat : format;
    }
}
