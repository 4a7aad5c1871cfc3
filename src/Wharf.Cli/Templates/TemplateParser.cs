using System.Globalization;
using System.Text;

namespace Wharf.Cli.Templates;

/// <summary>Parses Go text/template syntax (the subset docker users write) into <see cref="TemplateNode"/>s.</summary>
internal sealed class TemplateParser
{
    private readonly string _text;
    private readonly Func<string, bool> _isFunction;
    private int _pos;
    private bool _trimNextText;
    private int _rangeDepth;

    private TemplateParser(string text, Func<string, bool> isFunction)
    {
        _text = text;
        _isFunction = isFunction;
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="isFunction"/> says which identifiers are defined functions.</summary>
    public static IReadOnlyList<TemplateNode> Parse(string text, Func<string, bool> isFunction)
    {
        var parser = new TemplateParser(text, isFunction);
        var (nodes, terminator) = parser.ParseList();
        if (terminator is not null)
        {
            throw parser.Error(terminator.Value.Position, $"unexpected {{{{{terminator.Value.Keyword}}}}}");
        }
        return nodes;
    }

    private readonly record struct Terminator(string Keyword, int Position, List<TemplateToken> Rest);

    private (List<TemplateNode> Nodes, Terminator? Terminator) ParseList()
    {
        var nodes = new List<TemplateNode>();
        while (true)
        {
            var open = _text.IndexOf("{{", _pos, StringComparison.Ordinal);
            var textEnd = open < 0 ? _text.Length : open;
            var leftTrim = open >= 0 && IsLeftTrim(open);
            var chunk = _text[_pos..textEnd];
            if (_trimNextText)
            {
                chunk = chunk.TrimStart(' ', '\t', '\r', '\n');
            }
            if (leftTrim)
            {
                chunk = chunk.TrimEnd(' ', '\t', '\r', '\n');
            }
            _trimNextText = false;
            if (chunk.Length > 0)
            {
                nodes.Add(new TextNode(_pos, chunk));
            }
            if (open < 0)
            {
                _pos = _text.Length;
                return (nodes, null);
            }
            var actionStart = open;
            _pos = open + 2 + (leftTrim ? 2 : 0);
            if (TrySkipComment(actionStart))
            {
                continue;
            }
            var tokens = LexAction(actionStart);
            if (tokens.Count == 0)
            {
                throw Error(actionStart, "missing value for command");
            }
            var first = tokens[0];
            if (first.Kind == TemplateTokenKind.Identifier)
            {
                switch (first.Text)
                {
                    case "end" or "else":
                        return (nodes, new Terminator(first.Text, actionStart, tokens.Skip(1).ToList()));
                    case "if" or "range" or "with":
                        nodes.Add(ParseBranch(first.Text, actionStart, tokens.Skip(1).ToList()));
                        continue;
                    case "break" or "continue":
                        if (_rangeDepth == 0)
                        {
                            throw Error(actionStart, $"{{{{{first.Text}}}}} outside {{{{range}}}}");
                        }
                        if (tokens.Count > 1)
                        {
                            throw Error(actionStart, $"unexpected {Describe(tokens[1])} in {{{{{first.Text}}}}}");
                        }
                        nodes.Add(new LoopControlNode(actionStart, first.Text == "break"));
                        continue;
                    case "define" or "template" or "block":
                        throw Error(actionStart, $"{{{{{first.Text}}}}} is not supported");
                }
            }
            nodes.Add(new ActionNode(actionStart, ParsePipeline(tokens, actionStart, "command", allowDeclarations: true)));
        }
    }

    private BranchNode ParseBranch(string keyword, int position, List<TemplateToken> tokens)
    {
        var pipeline = ParsePipeline(tokens, position, keyword, allowDeclarations: true);
        if (keyword == "range")
        {
            _rangeDepth++;
        }
        List<TemplateNode> body;
        Terminator? terminator;
        try
        {
            (body, terminator) = ParseList();
        }
        finally
        {
            if (keyword == "range")
            {
                _rangeDepth--;
            }
        }
        if (terminator is null)
        {
            throw Error(_text.Length, "unexpected EOF");
        }
        List<TemplateNode>? elseBody = null;
        if (terminator.Value.Keyword == "else")
        {
            var rest = terminator.Value.Rest;
            if (rest.Count > 0 && rest[0].Kind == TemplateTokenKind.Identifier && rest[0].Text is "if" or "with" && keyword != "range")
            {
                // "else if" / "else with": a nested branch that shares our {{end}}.
                elseBody = [ParseBranch(rest[0].Text, terminator.Value.Position, rest.Skip(1).ToList())];
                return new BranchNode(position, keyword, pipeline, body, elseBody);
            }
            if (rest.Count > 0)
            {
                throw Error(terminator.Value.Position, $"unexpected {Describe(rest[0])} in else");
            }
            (elseBody, terminator) = ParseList();
            if (terminator is null)
            {
                throw Error(_text.Length, "unexpected EOF");
            }
            if (terminator.Value.Keyword != "end")
            {
                throw Error(terminator.Value.Position, "expected end; found {{else}}");
            }
        }
        if (terminator.Value.Rest.Count > 0)
        {
            throw Error(terminator.Value.Position, $"unexpected {Describe(terminator.Value.Rest[0])} in end");
        }
        return new BranchNode(position, keyword, pipeline, body, elseBody);
    }

    private PipelineNode ParsePipeline(List<TemplateToken> tokens, int position, string context, bool allowDeclarations)
    {
        var index = 0;
        var variables = new List<string>();
        var isAssignment = false;
        if (allowDeclarations && tokens.Count > 1 && tokens[0].Kind == TemplateTokenKind.Variable && tokens[0].Fields!.Count == 0)
        {
            // $x := …, $x = …, $i, $v := …
            if (tokens[1].Kind is TemplateTokenKind.Declare or TemplateTokenKind.Assign)
            {
                variables.Add(tokens[0].Text);
                isAssignment = tokens[1].Kind == TemplateTokenKind.Assign;
                index = 2;
            }
            else if (tokens[1].Kind == TemplateTokenKind.Comma && tokens.Count > 3 && tokens[2].Kind == TemplateTokenKind.Variable && tokens[3].Kind is TemplateTokenKind.Declare or TemplateTokenKind.Assign)
            {
                if (context != "range")
                {
                    throw Error(position, "too many declarations in " + context);
                }
                variables.Add(tokens[0].Text);
                variables.Add(tokens[2].Text);
                isAssignment = tokens[3].Kind == TemplateTokenKind.Assign;
                index = 4;
            }
        }
        var commands = new List<CommandNode>();
        var args = new List<TemplateNode>();
        while (index < tokens.Count)
        {
            var token = tokens[index];
            if (token.Kind == TemplateTokenKind.Pipe)
            {
                if (args.Count == 0)
                {
                    throw Error(token.Position, "missing value for command");
                }
                commands.Add(new CommandNode(args[0].Position, args));
                args = [];
                index++;
                continue;
            }
            args.Add(ParseOperand(tokens, ref index));
        }
        if (args.Count == 0)
        {
            throw Error(position, commands.Count == 0 ? $"missing value for {context}" : "missing value for command");
        }
        commands.Add(new CommandNode(args[0].Position, args));
        for (var i = 1; i < commands.Count; i++)
        {
            if (commands[i].Arguments[0] is LiteralNode)
            {
                throw Error(commands[i].Position, $"non executable command in pipeline stage {i + 1}");
            }
        }
        return new PipelineNode(position, variables, isAssignment, commands);
    }

    private TemplateNode ParseOperand(List<TemplateToken> tokens, ref int index)
    {
        var token = tokens[index++];
        TemplateNode node;
        switch (token.Kind)
        {
            case TemplateTokenKind.Field:
                node = new FieldNode(token.Position, token.Fields!);
                break;
            case TemplateTokenKind.Variable:
                node = new VariableNode(token.Position, token.Text, token.Fields!);
                break;
            case TemplateTokenKind.Dot:
                node = new DotNode(token.Position);
                break;
            case TemplateTokenKind.Literal:
                node = new LiteralNode(token.Position, token.Value, token.Text);
                break;
            case TemplateTokenKind.Identifier:
                if (!_isFunction(token.Text))
                {
                    throw Error(token.Position, $"function \"{token.Text}\" not defined");
                }
                node = new IdentifierNode(token.Position, token.Text);
                break;
            case TemplateTokenKind.LeftParen:
                var depth = 1;
                var start = index;
                while (index < tokens.Count && depth > 0)
                {
                    depth += tokens[index].Kind switch
                    {
                        TemplateTokenKind.LeftParen => 1,
                        TemplateTokenKind.RightParen => -1,
                        _ => 0,
                    };
                    index++;
                }
                if (depth > 0)
                {
                    throw Error(token.Position, "unclosed left paren");
                }
                var inner = tokens.GetRange(start, index - 1 - start);
                node = ParsePipeline(inner, token.Position, "parenthesized pipeline", allowDeclarations: false);
                break;
            default:
                throw Error(token.Position, $"unexpected {Describe(token)} in operand");
        }
        // A field directly after an operand (no space) continues the chain: (pipeline).Field, $x.Field.
        if (index < tokens.Count && tokens[index].Kind == TemplateTokenKind.Field && !tokens[index].SpaceBefore)
        {
            var chain = tokens[index++];
            node = node switch
            {
                FieldNode f => new FieldNode(f.Position, [.. f.Names, .. chain.Fields!]),
                VariableNode v => new VariableNode(v.Position, v.Name, [.. v.Fields, .. chain.Fields!]),
                DotNode => new FieldNode(node.Position, chain.Fields!),
                LiteralNode => throw Error(chain.Position, $"unexpected . after term \"{((LiteralNode)node).Text}\""),
                _ => new ChainNode(node.Position, node, chain.Fields!),
            };
        }
        return node;
    }

    private static string Describe(TemplateToken token) => token.Kind switch
    {
        TemplateTokenKind.Literal when token.Value is string => $"quoted string {token.Text}",
        TemplateTokenKind.Identifier => $"<{token.Text}>",
        _ => $"\"{token.Text}\"",
    };

    private bool IsLeftTrim(int open) =>
        open + 3 < _text.Length && _text[open + 2] == '-' && IsSpace(_text[open + 3]);

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private bool TrySkipComment(int actionStart)
    {
        var p = _pos;
        if (!_text.AsSpan(p).StartsWith("/*"))
        {
            return false;
        }
        var end = _text.IndexOf("*/", p + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            throw Error(actionStart, "unclosed comment");
        }
        p = end + 2;
        if (_text.AsSpan(p).StartsWith(" -}}"))
        {
            _trimNextText = true;
            _pos = p + 4;
            return true;
        }
        if (_text.AsSpan(p).StartsWith("}}"))
        {
            _pos = p + 2;
            return true;
        }
        throw Error(actionStart, "comment ends before closing delimiter");
    }

    private List<TemplateToken> LexAction(int actionStart)
    {
        var tokens = new List<TemplateToken>();
        var space = true;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error(actionStart, "unclosed action");
            }
            var c = _text[_pos];
            if (IsSpace(c))
            {
                // " -}}" closes the action and trims the following text.
                var q = _pos;
                while (q < _text.Length && IsSpace(_text[q]))
                {
                    q++;
                }
                if (_text.AsSpan(q).StartsWith("-}}"))
                {
                    _pos = q + 3;
                    _trimNextText = true;
                    return tokens;
                }
                _pos = q;
                space = true;
                continue;
            }
            if (_text.AsSpan(_pos).StartsWith("}}"))
            {
                _pos += 2;
                return tokens;
            }
            var start = _pos;
            switch (c)
            {
                case '(':
                    _pos++;
                    tokens.Add(new TemplateToken(TemplateTokenKind.LeftParen, "(", start, space));
                    break;
                case ')':
                    _pos++;
                    tokens.Add(new TemplateToken(TemplateTokenKind.RightParen, ")", start, space));
                    break;
                case '|':
                    _pos++;
                    tokens.Add(new TemplateToken(TemplateTokenKind.Pipe, "|", start, space));
                    break;
                case ',':
                    _pos++;
                    tokens.Add(new TemplateToken(TemplateTokenKind.Comma, ",", start, space));
                    break;
                case ':' when Peek(1) == '=':
                    _pos += 2;
                    tokens.Add(new TemplateToken(TemplateTokenKind.Declare, ":=", start, space));
                    break;
                case '=':
                    _pos++;
                    tokens.Add(new TemplateToken(TemplateTokenKind.Assign, "=", start, space));
                    break;
                case '"':
                    tokens.Add(LexQuoted(actionStart, space));
                    break;
                case '`':
                    {
                        var end = _text.IndexOf('`', _pos + 1);
                        if (end < 0)
                        {
                            throw Error(actionStart, "unterminated raw quoted string");
                        }
                        var raw = _text[(_pos + 1)..end];
                        tokens.Add(new TemplateToken(TemplateTokenKind.Literal, _text[_pos..(end + 1)], start, space, null, raw));
                        _pos = end + 1;
                        break;
                    }
                case '\'':
                    tokens.Add(LexChar(actionStart, space));
                    break;
                case '.' when !char.IsAsciiDigit(Peek(1)):
                    if (IsIdentStart(Peek(1)))
                    {
                        var fields = LexFieldChain();
                        tokens.Add(new TemplateToken(TemplateTokenKind.Field, _text[start.._pos], start, space, fields));
                    }
                    else
                    {
                        _pos++;
                        tokens.Add(new TemplateToken(TemplateTokenKind.Dot, ".", start, space));
                    }
                    break;
                case '$':
                    {
                        _pos++;
                        while (_pos < _text.Length && IsIdentChar(_text[_pos]))
                        {
                            _pos++;
                        }
                        var name = _text[start.._pos];
                        var fields = Peek(0) == '.' && IsIdentStart(Peek(1)) ? LexFieldChain() : [];
                        tokens.Add(new TemplateToken(TemplateTokenKind.Variable, name, start, space, fields));
                        break;
                    }
                default:
                    if (char.IsAsciiDigit(c) || ((c is '-' or '+' or '.') && char.IsAsciiDigit(Peek(1))))
                    {
                        tokens.Add(LexNumber(space));
                    }
                    else if (IsIdentStart(c))
                    {
                        while (_pos < _text.Length && IsIdentChar(_text[_pos]))
                        {
                            _pos++;
                        }
                        var word = _text[start.._pos];
                        tokens.Add(word switch
                        {
                            "true" => new TemplateToken(TemplateTokenKind.Literal, word, start, space, null, true),
                            "false" => new TemplateToken(TemplateTokenKind.Literal, word, start, space, null, false),
                            "nil" => new TemplateToken(TemplateTokenKind.Literal, word, start, space, null, null),
                            _ => new TemplateToken(TemplateTokenKind.Identifier, word, start, space),
                        });
                    }
                    else
                    {
                        throw Error(start, $"unexpected \"{c}\" in command");
                    }
                    break;
            }
            space = false;
        }
    }

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private static bool IsIdentStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private List<string> LexFieldChain()
    {
        var fields = new List<string>();
        while (Peek(0) == '.' && IsIdentStart(Peek(1)))
        {
            _pos++;
            var start = _pos;
            while (_pos < _text.Length && IsIdentChar(_text[_pos]))
            {
                _pos++;
            }
            fields.Add(_text[start.._pos]);
        }
        return fields;
    }

    private TemplateToken LexQuoted(int actionStart, bool space)
    {
        var start = _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error(actionStart, "unterminated quoted string");
            }
            var c = _text[_pos++];
            if (c == '"')
            {
                break;
            }
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            if (_pos >= _text.Length)
            {
                throw Error(actionStart, "unterminated quoted string");
            }
            var e = _text[_pos++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case '\\': sb.Append('\\'); break;
                case '"': sb.Append('"'); break;
                case '\'': sb.Append('\''); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'v': sb.Append('\v'); break;
                case 'x' when _pos + 2 <= _text.Length:
                    sb.Append((char)int.Parse(_text.AsSpan(_pos, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    _pos += 2;
                    break;
                case 'u' when _pos + 4 <= _text.Length:
                    sb.Append((char)int.Parse(_text.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    _pos += 4;
                    break;
                default:
                    throw Error(actionStart, $"invalid syntax: {_text[start.._pos]}");
            }
        }
        return new TemplateToken(TemplateTokenKind.Literal, _text[start.._pos], start, space, null, sb.ToString());
    }

    private TemplateToken LexChar(int actionStart, bool space)
    {
        var start = _pos;
        var end = _text.IndexOf('\'', _pos + 1);
        if (end < 0)
        {
            throw Error(actionStart, "unterminated character constant");
        }
        var body = _text[(_pos + 1)..end];
        _pos = end + 1;
        long value = body switch
        {
            "\\n" => '\n',
            "\\t" => '\t',
            "\\\\" => '\\',
            "\\'" => '\'',
            _ when body.Length == 1 => body[0],
            _ => throw Error(actionStart, $"malformed character constant: {_text[start.._pos]}"),
        };
        return new TemplateToken(TemplateTokenKind.Literal, _text[start.._pos], start, space, null, value);
    }

    private TemplateToken LexNumber(bool space)
    {
        var start = _pos;
        if (Peek(0) is '-' or '+')
        {
            _pos++;
        }
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '.' or '_' || (_text[_pos] is '-' or '+' && _text[_pos - 1] is 'e' or 'E')))
        {
            _pos++;
        }
        var text = _text[start.._pos];
        var clean = text.Replace("_", "", StringComparison.Ordinal);
        object value;
        var negative = clean.StartsWith('-');
        var digits = clean.TrimStart('-', '+');
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && long.TryParse(digits[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
        {
            value = negative ? -hex : hex;
        }
        else if (long.TryParse(clean, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            value = integer;
        }
        else if (double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            value = real;
        }
        else
        {
            throw Error(start, $"bad number syntax: \"{text}\"");
        }
        return new TemplateToken(TemplateTokenKind.Literal, text, start, space, null, value);
    }

    private TemplateException Error(int position, string message) => new($"template: :{LineOf(_text, position)}: {message}", isParseError: true);

    /// <summary>The 1-based line of a character offset.</summary>
    public static int LineOf(string text, int position)
    {
        var line = 1;
        for (var i = 0; i < position && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }
        return line;
    }
}
