namespace Wharf.Cli.Templates;

/// <summary>One command of a pipeline: a function or value followed by arguments.</summary>
internal sealed record CommandNode(int Position, IReadOnlyList<TemplateNode> Arguments) : TemplateNode(Position);
