using Wharf.Api.Streams;
using Wharf.Cli.Commands;

namespace Wharf.Cli.Parsing;

/// <summary>Turns repeated <c>--filter key=value</c> flags into the API's filter set.</summary>
internal static class FilterArguments
{
    /// <summary>Parses every argument; a value without <c>=</c> fails with docker's wording (exit 125).</summary>
    public static Filters Parse(IEnumerable<string> arguments)
    {
        var filters = new Filters();
        foreach (var argument in arguments)
        {
            var eq = argument.IndexOf('=');
            if (eq <= 0)
            {
                throw new StatusException(125, $"invalid argument \"{argument}\" for \"-f, --filter\" flag: bad format of filter (expected name=value)");
            }
            filters.Add(argument[..eq].Trim().ToLowerInvariant(), argument[(eq + 1)..].Trim());
        }
        return filters;
    }
}
