namespace Wharf.Cli.Templates;

/// <summary><c>{{if}}</c>, <c>{{range}}</c> or <c>{{with}}</c> with its branches.</summary>
internal sealed record BranchNode(int Position, string Keyword, PipelineNode Pipeline, IReadOnlyList<TemplateNode> Body, IReadOnlyList<TemplateNode>? Else) : TemplateNode(Position);
