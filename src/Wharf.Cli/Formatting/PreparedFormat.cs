using Wharf.Cli.Templates;

namespace Wharf.Cli.Formatting;

/// <summary>A parsed <c>--format</c>: the template and whether it is a <c>table</c>.</summary>
internal sealed record PreparedFormat(GoTemplate Template, bool IsTable);
