using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Wharf.Cli.Parsing;
using Wharf.Cli.Templates;
using Wharf.Core.Errors;
using Wharf.Core.Units;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf events</c>: streams the daemon's events, in docker's line format or through <c>--format</c>.</summary>
internal sealed class EventsCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "events";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS]";

    /// <inheritdoc/>
    public override string Description => "Get real time events from the server";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.Exactly(0);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .List("filter", 'f', "Filter output based on conditions provided")
        .String("format", null, "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.")
        .String("since", null, "Show all events created since timestamp")
        .String("until", null, "Stream events until this timestamp");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var flags = invocation.Flags;
        var context = invocation.Context;
        var now = DateTimeOffset.Now;
        string? since, until;
        try
        {
            since = flags.GetStringOrNull("since") is { Length: > 0 } s ? Timestamps.GetTimestamp(s, now) : null;
            until = flags.GetStringOrNull("until") is { Length: > 0 } u ? Timestamps.GetTimestamp(u, now) : null;
        }
        catch (InvalidArgumentException e)
        {
            throw new StatusException(1, e.Message);
        }
        GoTemplate? template = null;
        if (flags.GetStringOrNull("format") is { Length: > 0 } format)
        {
            try
            {
                template = GoTemplate.Parse(format == "json" ? "{{json .}}" : format);
            }
            catch (TemplateException e)
            {
                throw new StatusException(64, "Error parsing format: " + e.Message);
            }
        }
        var filters = FilterArguments.Parse(flags.GetList("filter"));
        var client = await context.GetClientAsync().ConfigureAwait(false);
        await foreach (var message in client.GetEventsAsync(since, until, filters, context.Cancellation).ConfigureAwait(false))
        {
            if (template is not null)
            {
                invocation.Out.WriteLine(template.Execute(message));
            }
            else
            {
                invocation.Out.Write(FormatEvent(message, TimeZoneInfo.Local));
            }
            await invocation.Out.FlushAsync().ConfigureAwait(false);
        }
        return 0;
    }

    /// <summary>docker's default line: <c>TIME TYPE ACTION ID (k=v, …)</c> with the time in <paramref name="zone"/> and attributes sorted by key.</summary>
    public static string FormatEvent(JsonObject message, TimeZoneInfo zone)
    {
        var sb = new StringBuilder();
        var timeNano = Long(message["timeNano"]);
        var time = Long(message["time"]);
        if (timeNano != 0)
        {
            sb.Append(FormatTime(timeNano, zone)).Append(' ');
        }
        else if (time != 0)
        {
            sb.Append(FormatTime(time * 1_000_000_000, zone)).Append(' ');
        }
        var actor = message["Actor"] as JsonObject;
        sb.Append(Text(message["Type"])).Append(' ').Append(Text(message["Action"])).Append(' ').Append(Text(actor?["ID"]));
        if (actor?["Attributes"] is JsonObject { Count: > 0 } attributes)
        {
            var pairs = attributes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + Text(p.Value));
            sb.Append(" (").Append(string.Join(", ", pairs)).Append(')');
        }
        return sb.Append('\n').ToString();
    }

    /// <summary>Go's <c>2006-01-02T15:04:05.000000000Z07:00</c> of a unix-nanosecond time in <paramref name="zone"/>.</summary>
    public static string FormatTime(long unixNano, TimeZoneInfo zone)
    {
        var seconds = Math.DivRem(unixNano, 1_000_000_000, out var nanos);
        if (nanos < 0)
        {
            seconds--;
            nanos += 1_000_000_000;
        }
        var utc = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        var offset = local.Offset;
        var zoneText = offset == TimeSpan.Zero
            ? "Z"
            : (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture);
        return local.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + "." + nanos.ToString("D9", CultureInfo.InvariantCulture) + zoneText;
    }

    private static long Long(JsonNode? node) => node is JsonValue value && value.TryGetValue<long>(out var n) ? n : 0;

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";
}
