using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Wharf.Cli.Tests.Client;

internal sealed class FakeRequest
{
    public required string Method { get; init; }
    public required string Target { get; init; }
    public required Dictionary<string, string> Headers { get; init; }
    public required byte[] Body { get; init; }

    public string Path => Target.Split('?')[0];

    public string BodyText => Encoding.UTF8.GetString(Body);

    public static async Task<FakeRequest?> ReadAsync(BufferedReader reader)
    {
        var first = await reader.ReadLineAsync();
        if (string.IsNullOrEmpty(first))
        {
            return null;
        }
        var parts = first.Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadLineAsync() is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        byte[] body = [];
        if (headers.TryGetValue("Content-Length", out var cl) && int.Parse(cl, CultureInfo.InvariantCulture) > 0)
        {
            body = await reader.ReadExactlyAsync(int.Parse(cl, CultureInfo.InvariantCulture));
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            var all = new MemoryStream();
            while (true)
            {
                var sizeLine = await reader.ReadLineAsync() ?? "0";
                var size = int.Parse(sizeLine.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    await reader.ReadLineAsync();
                    break;
                }
                all.Write(await reader.ReadExactlyAsync(size));
                await reader.ReadLineAsync();
            }
            body = all.ToArray();
        }
        return new FakeRequest { Method = parts[0], Target = parts[1], Headers = headers, Body = body };
    }
}
