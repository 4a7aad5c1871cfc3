using System.Text.Json.Nodes;
using Wharf.Cli.Templates;

namespace Wharf.Cli.Tests.Templates;

public sealed class GoTemplateTests
{
    private static readonly JsonObject Inspect = JsonNode.Parse("""
        {
          "Id": "4f8a1c2b3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4",
          "Name": "/web",
          "State": { "Status": "running", "Running": true, "Pid": 4242, "ExitCode": 0, "Error": "" },
          "Config": {
            "Env": ["PATH=/usr/bin", "A=1"],
            "Cmd": ["sh", "-c", "echo hi"],
            "Labels": { "b": "2", "a": "1", "com.example.x": "y<z>" },
            "Entrypoint": null,
            "Tty": false
          },
          "HostConfig": { "NetworkMode": "none", "Memory": 0, "CpuShares": 512 },
          "NetworkSettings": { "Networks": { "none": { "IPAddress": "" } } },
          "Ratio": 0.5,
          "Mounts": []
        }
        """)!.AsObject();

    private static string Run(string template, object? data = null) => GoTemplate.Parse(template).Execute(data ?? Inspect);

    [Theory]
    [InlineData("{{.Name}}", "/web")]
    [InlineData("{{.State.Status}}", "running")]
    [InlineData("{{.State.Pid}}", "4242")]
    [InlineData("{{.State.Running}}", "true")]
    [InlineData("{{.Ratio}}", "0.5")]
    [InlineData("{{.HostConfig.CpuShares}}", "512")]
    [InlineData("{{.Missing}}", "<no value>")]
    [InlineData("{{.Missing.Deeper}}", "<no value>")]
    [InlineData("{{.Config.Entrypoint}}", "<no value>")]
    [InlineData("{{.Config.Env}}", "[PATH=/usr/bin A=1]")]
    [InlineData("{{.Config.Labels}}", "map[a:1 b:2 com.example.x:y<z>]")]
    [InlineData("{{.Mounts}}", "[]")]
    [InlineData("text only", "text only")]
    [InlineData("", "")]
    [InlineData("{{/* a comment */}}x", "x")]
    [InlineData("a {{- /* c */ -}} b", "ab")]
    public void Fields(string template, string expected) => Assert.Equal(expected, Run(template));

    [Theory]
    [InlineData("{{json .Config.Cmd}}", "[\"sh\",\"-c\",\"echo hi\"]")]
    [InlineData("{{json .Config.Labels}}", "{\"b\":\"2\",\"a\":\"1\",\"com.example.x\":\"y<z>\"}")]
    [InlineData("{{json .Name}}", "\"/web\"")]
    [InlineData("{{json .Missing}}", "null")]
    [InlineData("{{json .State.Pid}}", "4242")]
    [InlineData("{{.Config.Cmd | json}}", "[\"sh\",\"-c\",\"echo hi\"]")]
    public void Json(string template, string expected) => Assert.Equal(expected, Run(template));

    [Theory]
    [InlineData("{{range .Config.Env}}[{{.}}]{{end}}", "[PATH=/usr/bin][A=1]")]
    [InlineData("{{range $i, $e := .Config.Env}}{{$i}}={{$e}};{{end}}", "0=PATH=/usr/bin;1=A=1;")]
    [InlineData("{{range $v := .Config.Cmd}}<{{$v}}>{{end}}", "<sh><-c><echo hi>")]
    [InlineData("{{range $k, $v := .Config.Labels}}{{$k}}={{$v}} {{end}}", "a=1 b=2 com.example.x=y<z> ")]
    [InlineData("{{range .Mounts}}x{{else}}none{{end}}", "none")]
    [InlineData("{{range .Missing}}x{{else}}none{{end}}", "none")]
    [InlineData("{{range .Config.Env}}{{if eq . \"A=1\"}}{{break}}{{end}}{{.}},{{end}}", "PATH=/usr/bin,")]
    [InlineData("{{range .Config.Env}}{{if eq . \"PATH=/usr/bin\"}}{{continue}}{{end}}{{.}},{{end}}", "A=1,")]
    [InlineData("{{range $k, $v := .NetworkSettings.Networks}}{{$k}}:{{$v.IPAddress}}|{{end}}", "none:|")]
    [InlineData("{{range .Config.Cmd}}{{$.Name}}{{end}}", "/web/web/web")]
    public void Range(string template, string expected) => Assert.Equal(expected, Run(template));

    [Theory]
    [InlineData("{{if .State.Running}}up{{else}}down{{end}}", "up")]
    [InlineData("{{if .State.ExitCode}}bad{{else}}ok{{end}}", "ok")]
    [InlineData("{{if .State.Error}}err{{else if .State.Running}}running{{else}}other{{end}}", "running")]
    [InlineData("{{if .Missing}}x{{end}}", "")]
    [InlineData("{{if not .State.Running}}x{{else}}y{{end}}", "y")]
    [InlineData("{{if and .State.Running (eq .State.Status \"running\")}}both{{end}}", "both")]
    [InlineData("{{if or .State.Error .Name}}some{{end}}", "some")]
    [InlineData("{{with .State}}{{.Status}}{{end}}", "running")]
    [InlineData("{{with .Missing}}x{{else}}empty{{end}}", "empty")]
    [InlineData("{{if .Mounts}}x{{else}}empty{{end}}", "empty")]
    [InlineData("{{if gt .State.Pid 100}}big{{end}}", "big")]
    [InlineData("{{if lt .Ratio 1.0}}small{{end}}", "small")]
    [InlineData("{{if ne .Name \"/db\"}}notdb{{end}}", "notdb")]
    [InlineData("{{if eq .State.Status \"exited\" \"running\"}}match{{end}}", "match")]
    public void Conditionals(string template, string expected) => Assert.Equal(expected, Run(template));

    [Theory]
    [InlineData("{{index .Config.Labels \"com.example.x\"}}", "y<z>")]
    [InlineData("{{index .Config.Labels \"nope\"}}", "<no value>")]
    [InlineData("{{index .Config.Env 1}}", "A=1")]
    [InlineData("{{index .Config.Cmd 2 | upper}}", "ECHO HI")]
    [InlineData("{{join .Config.Env \",\"}}", "PATH=/usr/bin,A=1")]
    [InlineData("{{join (split \"a:b:c\" \":\") \"-\"}}", "a-b-c")]
    [InlineData("{{upper .State.Status}}", "RUNNING")]
    [InlineData("{{lower \"ABC\"}}", "abc")]
    [InlineData("{{.State.Status | upper}}", "RUNNING")]
    [InlineData("{{.Name | printf \"%s!\"}}", "/web!")]
    [InlineData("{{title \"hello world\"}}", "Hello World")]
    [InlineData("{{len .Config.Env}}", "2")]
    [InlineData("{{len .Config.Labels}}", "3")]
    [InlineData("{{len .Name}}", "4")]
    [InlineData("{{printf \"%s has pid %d\" .Name .State.Pid}}", "/web has pid 4242")]
    [InlineData("{{printf \"%-6s|%5d|%05d\" \"ab\" 42 7}}", "ab    |   42|00007")]
    [InlineData("{{printf \"%q\" .Name}}", "\"/web\"")]
    [InlineData("{{printf \"%v %v\" .Config.Env .State.Running}}", "[PATH=/usr/bin A=1] true")]
    [InlineData("{{printf \"%.2f\" .Ratio}}", "0.50")]
    [InlineData("{{printf \"%x\" 255}}", "ff")]
    [InlineData("{{printf \"%d%%\" 5}}", "5%")]
    [InlineData("{{printf \"%d\"}}", "%!d(MISSING)")]
    [InlineData("{{println .Name}}", "/web\n")]
    [InlineData("{{println \"a\" 1 2}}", "a 1 2\n")]
    [InlineData("{{print \"a\" \"b\" 1 2}}", "ab1 2")]
    [InlineData("{{pad \"x\" 1 2}}", " x  ")]
    [InlineData("{{truncate .Id 12}}", "4f8a1c2b3d4e")]
    [InlineData("{{slice .Id 0 4}}", "4f8a")]
    public void Functions(string template, string expected) => Assert.Equal(expected, Run(template));

    [Theory]
    [InlineData("{{$n := .Name}}{{$n}}", "/web")]
    [InlineData("{{$x := 1}}{{$x = 2}}{{$x}}", "2")]
    [InlineData("{{$s := .State}}{{$s.Status}}", "running")]
    [InlineData("{{(index .Config.Cmd 0)}}", "sh")]
    [InlineData("{{(.State).Status}}", "running")]
    [InlineData("{{$.State.Pid}}", "4242")]
    [InlineData("{{\"quoted \\\"x\\\"\"}}", "quoted \"x\"")]
    [InlineData("{{`raw \\n`}}", "raw \\n")]
    [InlineData("{{true}} {{false}} {{42}} {{-3}} {{1.5}}", "true false 42 -3 1.5")]
    public void VariablesAndLiterals(string template, string expected) => Assert.Equal(expected, Run(template));

    [Theory]
    [InlineData("a  {{- .Name}}", "a/web")]
    [InlineData("{{.Name -}}  \n b", "/webb")]
    [InlineData("x\n{{- range .Config.Cmd}}\n  {{.}}\n{{- end}}\n", "x\n  sh\n  -c\n  echo hi\n")]
    [InlineData("{{.Name}}-{{.Name}}", "/web-/web")]
    [InlineData("{{3 -}} < {{- 4}}", "3<4")]
    public void WhitespaceTrimming(string template, string expected) => Assert.Equal(expected, Run(template));

    [Fact]
    public void RowDictionariesAndMethods()
    {
        var row = new Dictionary<string, object?>
        {
            ["ID"] = "abc",
            ["Label"] = new TemplateMethod(args => args[0] as string == "k" ? "v" : ""),
        };
        Assert.Equal("abc v", Run("{{.ID}} {{.Label \"k\"}}", row));
        Assert.Equal("{\"ID\":\"abc\"}", Run("{{json .}}", row));
    }

    [Theory]
    [InlineData("{{.Name", "template: :1: unclosed action")]
    [InlineData("{{if .Name}}x", "template: :1: unexpected EOF")]
    [InlineData("{{end}}", "template: :1: unexpected {{end}}")]
    [InlineData("{{else}}", "template: :1: unexpected {{else}}")]
    [InlineData("{{nosuch .Name}}", "template: :1: function \"nosuch\" not defined")]
    [InlineData("{{}}", "template: :1: missing value for command")]
    [InlineData("{{if}}x{{end}}", "template: :1: missing value for if")]
    [InlineData("line1\n{{.A", "template: :2: unclosed action")]
    [InlineData("{{\"abc}}", "template: :1: unterminated quoted string")]
    [InlineData("{{break}}", "template: :1: {{break}} outside {{range}}")]
    [InlineData("{{(.A}}", "template: :1: unclosed left paren")]
    public void ParseErrorsUseGoWording(string template, string message)
    {
        var e = Assert.Throws<TemplateException>(() => GoTemplate.Parse(template));
        Assert.True(e.IsParseError);
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("{{.Name.Sub}}", "can't evaluate field Sub in type string")]
    [InlineData("{{index .Config.Env 5}}", "error calling index: index out of range: 5")]
    [InlineData("{{upper .State.Pid}}", "wrong type for value; expected string")]
    [InlineData("{{len .State.Pid}}", "len of type")]
    [InlineData("{{.Name 1}}", "Name is not a method but has arguments")]
    [InlineData("{{$undefined}}", "undefined variable: $undefined")]
    public void ExecutionErrors(string template, string fragment)
    {
        var e = Assert.Throws<TemplateException>(() => Run(template));
        Assert.False(e.IsParseError);
        Assert.StartsWith("template: :1:", e.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExecutionErrorNamesTheExpression()
    {
        var e = Assert.Throws<TemplateException>(() => Run("x {{.Name.Sub}}"));
        Assert.Equal("template: :1:4: executing \"\" at <.Name.Sub>: can't evaluate field Sub in type string", e.Message);
    }

    [Fact]
    public void TemplateIsReusableAcrossRows()
    {
        var template = GoTemplate.Parse("{{.A}}");
        Assert.Equal("1", template.Execute(new JsonObject { ["A"] = 1 }));
        Assert.Equal("x", template.Execute(new JsonObject { ["A"] = "x" }));
    }

    [Fact]
    public void LargeIntegersPrintWithoutExponent()
    {
        Assert.Equal("123456789012", Run("{{.Size}}", new JsonObject { ["Size"] = 123456789012L }));
    }
}
