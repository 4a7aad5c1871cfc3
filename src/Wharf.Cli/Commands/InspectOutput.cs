using System.Text.Json.Nodes;
using Wharf.Cli.Templates;

namespace Wharf.Cli.Commands;

/// <summary>docker's inspect output, shared by every <c>inspect</c> verb: the objects found, then the errors.</summary>
internal static class InspectOutput
{
    /// <summary>
    /// Prints each object <paramref name="found"/> (an indented JSON array, or the template per object), then the
    /// <paramref name="errors"/> of the ones that failed, exit 1 if any did.
    /// </summary>
    public static async Task<int> WriteAsync(CommandInvocation invocation, GoTemplate? template, List<JsonObject> found, List<string> errors)
    {
        if (template is null)
        {
            invocation.Out.WriteLine(JsonOutput.Indented(new JsonArray(found.Select(f => (JsonNode?)f).ToArray())));
        }
        else
        {
            foreach (var obj in found)
            {
                try
                {
                    invocation.Out.WriteLine(template.Execute(obj));
                }
                catch (TemplateException e)
                {
                    await invocation.Out.FlushAsync().ConfigureAwait(false);
                    throw new StatusException(1, e.Message);
                }
            }
        }
        if (errors.Count > 0)
        {
            await invocation.Out.FlushAsync().ConfigureAwait(false);
            throw new StatusException(1, string.Join("\n", errors));
        }
        return 0;
    }
}
