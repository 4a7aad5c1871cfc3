namespace Wharf.Cli.Templates;

/// <summary>A function name such as <c>json</c> or <c>printf</c>.</summary>
internal sealed record IdentifierNode(int Position, string Name) : TemplateNode(Position);
