namespace Wharf.Api.Streams;

/// <summary>base64 that decodes either alphabet (standard or URL-safe), with or without padding, as Docker's headers need.</summary>
public static class Base64Any
{
    /// <summary>Decodes <paramref name="text"/>; false when it is not base64 in either alphabet.</summary>
    public static bool TryDecode(string text, out byte[] bytes)
    {
        var s = text.Trim().Replace('-', '+').Replace('_', '/').TrimEnd('=');
        switch (s.Length % 4)
        {
            case 1:
                bytes = [];
                return false;
            case 2:
                s += "==";
                break;
            case 3:
                s += "=";
                break;
        }
        bytes = new byte[s.Length / 4 * 3];
        if (Convert.TryFromBase64String(s, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }
        bytes = [];
        return false;
    }

    /// <summary>URL-safe base64 with padding (what the docker CLI sends in <c>X-Registry-Auth</c>).</summary>
    public static string EncodeUrlSafe(ReadOnlySpan<byte> data) =>
        Convert.ToBase64String(data).Replace('+', '-').Replace('/', '_');
}
