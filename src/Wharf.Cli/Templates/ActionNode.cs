namespace Wharf.Cli.Templates;

/// <summary><c>{{pipeline}}</c>: prints the value unless the pipeline declares variables.</summary>
internal sealed record ActionNode(int Position, PipelineNode Pipeline) : TemplateNode(Position);
