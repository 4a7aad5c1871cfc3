using System.Globalization;
using System.Runtime.InteropServices;

namespace Wharf.Daemon.Hosting;

/// <summary>Group lookup (from /etc/group) and chgrp, for the API socket's ownership.</summary>
internal static partial class UnixGroups
{
    /// <summary>The GID of <paramref name="name"/>, or null when no such group exists.</summary>
    public static int? Lookup(string name)
    {
        try
        {
            foreach (var line in File.ReadLines("/etc/group"))
            {
                var fields = line.Split(':');
                if (fields.Length >= 3 && fields[0] == name && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var gid))
                {
                    return gid;
                }
            }
        }
        catch (IOException)
        {
        }
        return null;
    }

    /// <summary>Sets the group of <paramref name="path"/>, keeping its owner.</summary>
    public static void Chgrp(string path, int gid)
    {
        if (Chown(path, -1, gid) != 0)
        {
            throw new IOException($"chgrp {path}: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Chown(string path, int owner, int group);
}
