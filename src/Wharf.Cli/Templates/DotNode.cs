namespace Wharf.Cli.Templates;

/// <summary><c>.</c>.</summary>
internal sealed record DotNode(int Position) : TemplateNode(Position);
