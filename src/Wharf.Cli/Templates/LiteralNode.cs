namespace Wharf.Cli.Templates;

/// <summary>A constant: string, number, bool or nil.</summary>
internal sealed record LiteralNode(int Position, object? Value, string Text) : TemplateNode(Position);
