using System.Text;
using Wharf.Api.Models;
using Wharf.Api.Streams;

namespace Wharf.Api.Client;

/// <summary>Client side of a JSON message stream (pull, import, load): errors become exceptions, messages render as the CLI prints them.</summary>
public static class JsonMessageReader
{
    /// <summary>Yields each message; throws <see cref="JsonMessageException"/> at the first <c>errorDetail</c>/<c>error</c>.</summary>
    public static async IAsyncEnumerable<JsonMessage> ReadAsync(Stream stream, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var message in JsonMessageStream.ReadAllAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            if (message.ErrorDetail is { Message.Length: > 0 } detail)
            {
                throw new JsonMessageException(detail.Message, detail.Code == 0 ? null : detail.Code);
            }
            if (message.Error is { Length: > 0 } error)
            {
                throw new JsonMessageException(error);
            }
            yield return message;
        }
    }

    /// <summary>Renders one message as the CLI does without a terminal: <c>id: status progress</c> or the <c>stream</c> text.</summary>
    public static string Render(JsonMessage message)
    {
        if (message.Stream is { } stream)
        {
            return stream;
        }
        var sb = new StringBuilder();
        if (message.Id is { Length: > 0 } id)
        {
            sb.Append(id).Append(": ");
        }
        sb.Append(message.Status);
        if (message.Progress is { Length: > 0 } progress)
        {
            sb.Append(' ').Append(progress);
        }
        return sb.Length == 0 ? "" : sb.Append('\n').ToString();
    }
}
