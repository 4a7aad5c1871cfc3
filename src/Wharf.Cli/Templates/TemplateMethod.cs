namespace Wharf.Cli.Templates;

/// <summary>A method of a row object that takes arguments, like docker's <c>{{.Label "com.example"}}</c>.</summary>
internal delegate object? TemplateMethod(IReadOnlyList<object?> arguments);
