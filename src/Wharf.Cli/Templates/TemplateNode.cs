namespace Wharf.Cli.Templates;

/// <summary>A node of a parsed template.</summary>
internal abstract record TemplateNode(int Position);
