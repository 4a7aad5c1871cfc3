namespace Wharf.Cli.Templates;

/// <summary><c>(pipeline).A.B</c>.</summary>
internal sealed record ChainNode(int Position, TemplateNode Target, IReadOnlyList<string> Fields) : TemplateNode(Position);
