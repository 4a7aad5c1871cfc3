using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Wharf.Daemon.Http;

/// <summary>A parsed HTTP/1.1 request head, as much as <see cref="HijackRequestRewriter"/> needs.</summary>
internal sealed partial class RequestHead
{
    private RequestHead(string requestLine, List<KeyValuePair<string, string>> headers)
    {
        RequestLine = requestLine;
        Headers = headers;
    }

    public string RequestLine { get; }

    public List<KeyValuePair<string, string>> Headers { get; }

    public long ContentLength { get; private set; }

    public bool Chunked { get; private set; }

    /// <summary>A Docker hijack: POST to attach or exec start, asking for an upgrade.</summary>
    public bool IsHijack { get; private set; }

    /// <summary>Parses the head (without its final blank line); null when it is not a well-formed HTTP/1.x request.</summary>
    public static RequestHead? TryParse(string head)
    {
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return null;
        }
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                return null;
            }
            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        var parsed = new RequestHead(lines[0], headers);
        string? upgrade = null, connection = null;
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                {
                    return null;
                }
                parsed.ContentLength = length;
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                parsed.Chunked |= value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase))
            {
                upgrade = value;
            }
            else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                connection = (connection is null ? "" : connection + ",") + value;
            }
        }
        var path = requestLine[1];
        var query = path.IndexOf('?');
        if (query >= 0)
        {
            path = path[..query];
        }
        parsed.IsHijack = requestLine[0] == "POST"
            && !string.IsNullOrEmpty(upgrade)
            && connection is not null && connection.Split(',').Any(t => t.Trim().Equals("upgrade", StringComparison.OrdinalIgnoreCase))
            && HijackPath().IsMatch(path);
        return parsed;
    }

    /// <summary>The head with its body framing removed and <paramref name="body"/> (if any) carried in <see cref="HijackRequestRewriter.BodyHeader"/>.</summary>
    public string Rebuild(byte[]? body)
    {
        var sb = new StringBuilder(RequestLine).Append("\r\n");
        foreach (var (name, value) in Headers)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Expect", StringComparison.OrdinalIgnoreCase)
                || name.Equals(HijackRequestRewriter.BodyHeader, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            sb.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        if (body is { Length: > 0 })
        {
            sb.Append(HijackRequestRewriter.BodyHeader).Append(": ").Append(Convert.ToBase64String(body)).Append("\r\n");
        }
        return sb.Append("\r\n").ToString();
    }

    [GeneratedRegex("^(/v[0-9.]+)?/(containers/[^/]+/attach|exec/[^/]+/start)/?$")]
    private static partial Regex HijackPath();
}
