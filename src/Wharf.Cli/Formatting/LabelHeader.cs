using Wharf.Cli.Templates;

namespace Wharf.Cli.Formatting;

/// <summary>
/// The column title of <c>{{.Label "key"}}</c> in a <c>table</c> format, as docker's formatters print it: the key's
/// last dot-separated part with <c>-</c> and <c>_</c> turned into spaces (<c>com.example.my-key</c> → <c>my key</c>).
/// </summary>
internal static class LabelHeader
{
    /// <summary>The header row's <c>Label</c> method.</summary>
    public static TemplateMethod Method { get; } = args => args.Count == 1 && args[0] is string key ? Title(key) : "";

    /// <summary>The title for one label key.</summary>
    public static string Title(string key) => key[(key.LastIndexOf('.') + 1)..].Replace('-', ' ').Replace('_', ' ');
}
