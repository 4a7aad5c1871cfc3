using Wharf.Cli.Templates;

namespace Wharf.Cli.Commands;

/// <summary>The <c>--format</c> flag of the commands that print one object per template (inspect, info, version).</summary>
internal static class FormatTemplate
{
    /// <summary>The parsed template, or null when no format was given; one that does not parse exits 64 as docker does.</summary>
    public static GoTemplate? Parse(string? format)
    {
        if (format is not { Length: > 0 })
        {
            return null;
        }
        try
        {
            return GoTemplate.Parse(format);
        }
        catch (TemplateException e)
        {
            throw new StatusException(64, "template parsing error: " + e.Message);
        }
    }
}
