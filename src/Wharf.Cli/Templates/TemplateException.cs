namespace Wharf.Cli.Templates;

/// <summary>A template that does not parse, or fails while executing; the message follows Go's <c>template: :LINE: …</c> wording.</summary>
internal sealed class TemplateException(string message, bool isParseError) : Exception(message)
{
    /// <summary>True for syntax errors (found before any data is used).</summary>
    public bool IsParseError { get; } = isParseError;
}
