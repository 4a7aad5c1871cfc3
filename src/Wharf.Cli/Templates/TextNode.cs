namespace Wharf.Cli.Templates;

/// <summary>Literal text.</summary>
internal sealed record TextNode(int Position, string Text) : TemplateNode(Position);
