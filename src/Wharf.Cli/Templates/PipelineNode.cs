namespace Wharf.Cli.Templates;

/// <summary>A pipeline: optional variable declarations, then commands joined by <c>|</c>.</summary>
internal sealed record PipelineNode(int Position, IReadOnlyList<string> Variables, bool IsAssignment, IReadOnlyList<CommandNode> Commands) : TemplateNode(Position);
