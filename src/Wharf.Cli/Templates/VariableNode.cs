namespace Wharf.Cli.Templates;

/// <summary><c>$x.A</c> or <c>$</c>.</summary>
internal sealed record VariableNode(int Position, string Name, IReadOnlyList<string> Fields) : TemplateNode(Position);
