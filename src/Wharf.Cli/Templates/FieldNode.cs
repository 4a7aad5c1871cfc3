namespace Wharf.Cli.Templates;

/// <summary><c>.A.B</c>: fields of dot.</summary>
internal sealed record FieldNode(int Position, IReadOnlyList<string> Names) : TemplateNode(Position);
