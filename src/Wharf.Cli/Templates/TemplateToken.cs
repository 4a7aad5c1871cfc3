namespace Wharf.Cli.Templates;

/// <summary>A token inside <c>{{ }}</c>.</summary>
internal readonly record struct TemplateToken(TemplateTokenKind Kind, string Text, int Position, bool SpaceBefore, IReadOnlyList<string>? Fields = null, object? Value = null);
