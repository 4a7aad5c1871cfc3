using System.Text;
using System.Text.Json.Nodes;

namespace Wharf.Cli.Templates;

/// <summary>
/// A parsed Go text/template (the subset docker's <c>--format</c> users write) that executes over JSON nodes
/// and row dictionaries. Parse once, execute per object.
/// </summary>
internal sealed class GoTemplate
{
    private readonly string _source;
    private readonly IReadOnlyList<TemplateNode> _nodes;

    private GoTemplate(string source, IReadOnlyList<TemplateNode> nodes)
    {
        _source = source;
        _nodes = nodes;
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="TemplateException"/> (<c>template: :1: …</c>) on syntax errors.</summary>
    public static GoTemplate Parse(string text) => new(text, TemplateParser.Parse(text, TemplateFunctions.IsDefined));

    /// <summary>Executes over <paramref name="data"/> and returns the text.</summary>
    public string Execute(object? data)
    {
        var sb = new StringBuilder();
        var state = new ExecutionState(this, sb, data);
        state.Walk(_nodes, data);
        return sb.ToString();
    }

    private sealed class LoopSignal(bool isBreak) : Exception
    {
        public bool IsBreak { get; } = isBreak;
    }

    private sealed class ExecutionState(GoTemplate template, StringBuilder output, object? root)
    {
        private readonly List<(string Name, object? Value)> _variables = [("$", root)];

        public void Walk(IReadOnlyList<TemplateNode> nodes, object? dot)
        {
            foreach (var node in nodes)
            {
                WalkNode(node, dot);
            }
        }

        private void WalkNode(TemplateNode node, object? dot)
        {
            switch (node)
            {
                case TextNode text:
                    output.Append(text.Text);
                    break;
                case ActionNode action:
                    var value = EvalPipeline(action.Pipeline, dot);
                    if (action.Pipeline.Variables.Count == 0)
                    {
                        output.Append(TemplateValues.ToText(value));
                    }
                    break;
                case BranchNode branch:
                    WalkBranch(branch, dot);
                    break;
                case LoopControlNode loop:
                    throw new LoopSignal(loop.IsBreak);
            }
        }

        private void WalkBranch(BranchNode branch, object? dot)
        {
            var mark = _variables.Count;
            try
            {
                if (branch.Keyword == "range")
                {
                    WalkRange(branch, dot);
                    return;
                }
                var value = EvalPipeline(branch.Pipeline, dot);
                if (TemplateValues.IsTrue(value))
                {
                    Walk(branch.Body, branch.Keyword == "with" ? value : dot);
                }
                else if (branch.Else is not null)
                {
                    Walk(branch.Else, dot);
                }
            }
            finally
            {
                _variables.RemoveRange(mark, _variables.Count - mark);
            }
        }

        private void WalkRange(BranchNode branch, object? dot)
        {
            var pipeline = branch.Pipeline;
            var value = TemplateValues.Normalize(EvalPipeline(pipeline with { Variables = [] }, dot));
            var items = new List<(object? Key, object? Value)>();
            if (TemplateValues.AsMap(value) is { } map)
            {
                items.AddRange(map.Select(p => ((object?)p.Key, p.Value)));
            }
            else if (TemplateValues.AsList(value) is { } list)
            {
                items.AddRange(list.Select((e, i) => ((object?)(long)i, e)));
            }
            else if (value is long n)
            {
                for (long i = 0; i < n; i++)
                {
                    items.Add((i, i));
                }
            }
            else if (value is not (null or TemplateMissing))
            {
                throw ExecError(branch, $"range can't iterate over {TemplateValues.ToText(value)}");
            }
            if (items.Count == 0)
            {
                if (branch.Else is not null)
                {
                    Walk(branch.Else, dot);
                }
                return;
            }
            var mark = _variables.Count;
            foreach (var (key, element) in items)
            {
                _variables.RemoveRange(mark, _variables.Count - mark);
                if (pipeline.Variables.Count == 1)
                {
                    _variables.Add((pipeline.Variables[0], element));
                }
                else if (pipeline.Variables.Count == 2)
                {
                    _variables.Add((pipeline.Variables[0], key));
                    _variables.Add((pipeline.Variables[1], element));
                }
                try
                {
                    Walk(branch.Body, element);
                }
                catch (LoopSignal signal)
                {
                    if (signal.IsBreak)
                    {
                        break;
                    }
                }
            }
        }

        private object? EvalPipeline(PipelineNode pipeline, object? dot)
        {
            object? value = null;
            var hasValue = false;
            foreach (var command in pipeline.Commands)
            {
                value = EvalCommand(command, dot, hasValue ? value : null, hasValue);
                hasValue = true;
            }
            foreach (var name in pipeline.Variables)
            {
                if (pipeline.IsAssignment)
                {
                    var index = _variables.FindLastIndex(v => v.Name == name);
                    if (index < 0)
                    {
                        throw ExecError(pipeline, $"undefined variable: {name}");
                    }
                    _variables[index] = (name, value);
                }
                else
                {
                    _variables.Add((name, value));
                }
            }
            return value;
        }

        private object? EvalCommand(CommandNode command, object? dot, object? piped, bool hasPiped)
        {
            var first = command.Arguments[0];
            var rest = command.Arguments.Skip(1).ToList();
            switch (first)
            {
                case IdentifierNode fn:
                    {
                        var args = rest.Select(a => EvalArgument(a, dot)).ToList();
                        if (hasPiped)
                        {
                            args.Add(piped);
                        }
                        try
                        {
                            return TemplateFunctions.Call(fn.Name, args);
                        }
                        catch (InvalidOperationException e)
                        {
                            throw ExecError(fn, e.Message.StartsWith("error calling", StringComparison.Ordinal) || e.Message.StartsWith("wrong number", StringComparison.Ordinal)
                                ? e.Message : $"error calling {fn.Name}: {e.Message}");
                        }
                    }
                case FieldNode field:
                    return EvalFields(field, dot, field.Names, rest, dot, piped, hasPiped);
                case VariableNode variable:
                    return EvalFields(variable, Lookup(variable), variable.Fields, rest, dot, piped, hasPiped);
                case ChainNode chain:
                    return EvalFields(chain, EvalArgument(chain.Target, dot), chain.Fields, rest, dot, piped, hasPiped);
            }
            if (rest.Count > 0 || hasPiped)
            {
                throw ExecError(first, $"can't give argument to non-function {Describe(first)}");
            }
            return EvalArgument(first, dot);
        }

        private object? EvalArgument(TemplateNode node, object? dot) => node switch
        {
            DotNode => dot,
            LiteralNode literal => literal.Value,
            FieldNode field => EvalFields(field, dot, field.Names, [], dot, null, false),
            VariableNode variable => EvalFields(variable, Lookup(variable), variable.Fields, [], dot, null, false),
            ChainNode chain => EvalFields(chain, EvalArgument(chain.Target, dot), chain.Fields, [], dot, null, false),
            PipelineNode pipeline => EvalPipeline(pipeline, dot),
            IdentifierNode fn => EvalCommand(new CommandNode(fn.Position, [fn]), dot, null, false),
            _ => throw ExecError(node, "can't evaluate " + Describe(node)),
        };

        private object? Lookup(VariableNode variable)
        {
            var index = _variables.FindLastIndex(v => v.Name == variable.Name);
            if (index < 0)
            {
                throw ExecError(variable, $"undefined variable: {variable.Name}");
            }
            return _variables[index].Value;
        }

        private object? EvalFields(TemplateNode node, object? receiver, IReadOnlyList<string> names, IReadOnlyList<TemplateNode> argNodes, object? dot, object? piped, bool hasPiped)
        {
            var current = receiver;
            for (var i = 0; i < names.Count; i++)
            {
                var last = i == names.Count - 1;
                var name = names[i];
                var value = TemplateValues.Normalize(current);
                object? next;
                switch (value)
                {
                    case null or TemplateMissing:
                        return TemplateMissing.Value;
                    case JsonObject obj:
                        next = obj.TryGetPropertyValue(name, out var node2) ? node2 : TemplateMissing.Value;
                        break;
                    case IReadOnlyDictionary<string, object?> dict:
                        next = dict.TryGetValue(name, out var v) ? v : TemplateMissing.Value;
                        break;
                    default:
                        throw ExecError(node, $"can't evaluate field {name} in type {TemplateValues.TypeName(value)}");
                }
                if (next is TemplateMethod method)
                {
                    var args = last ? argNodes.Select(a => EvalArgument(a, dot)).ToList() : [];
                    if (last && hasPiped)
                    {
                        args.Add(piped);
                    }
                    try
                    {
                        next = method(args);
                    }
                    catch (InvalidOperationException e)
                    {
                        throw ExecError(node, $"error calling {name}: {e.Message}");
                    }
                    if (last)
                    {
                        return next;
                    }
                }
                current = next;
            }
            if (argNodes.Count > 0 || hasPiped)
            {
                var what = names.Count > 0 ? names[^1] : Describe(node);
                throw ExecError(node, $"{what} is not a method but has arguments");
            }
            return current;
        }

        private static string Describe(TemplateNode node) => node switch
        {
            FieldNode f => "." + string.Join(".", f.Names),
            VariableNode v => v.Name + string.Concat(v.Fields.Select(x => "." + x)),
            ChainNode c => "(" + Describe(c.Target) + ")." + string.Join(".", c.Fields),
            IdentifierNode i => i.Name,
            LiteralNode l => l.Text,
            DotNode => ".",
            PipelineNode p => string.Join(" | ", p.Commands.Select(c => string.Join(" ", c.Arguments.Select(Describe)))),
            _ => node.GetType().Name,
        };

        private TemplateException ExecError(TemplateNode node, string message)
        {
            var line = TemplateParser.LineOf(template._source, node.Position);
            var lineStart = template._source.LastIndexOf('\n', Math.Max(0, Math.Min(node.Position, template._source.Length) - 1)) + 1;
            var column = node.Position - lineStart;
            return new TemplateException($"template: :{line}:{column}: executing \"\" at <{Describe(node)}>: {message}", isParseError: false);
        }
    }
}
