namespace Wharf.Cli.Templates;

/// <summary>Kinds of <see cref="TemplateToken"/>.</summary>
internal enum TemplateTokenKind
{
    Field,
    Variable,
    Dot,
    Identifier,
    Literal,
    LeftParen,
    RightParen,
    Pipe,
    Declare,
    Assign,
    Comma,
}
