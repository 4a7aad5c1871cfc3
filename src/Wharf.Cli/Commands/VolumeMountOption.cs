using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Wharf.Cli.Commands;

/// <summary>
/// docker's <c>--mount</c> value: a CSV record (quotes allowed) of <c>key=value</c> fields turned into one
/// <c>HostConfig.Mounts</c> entry, with docker's client-side checks and messages.
/// </summary>
internal static class VolumeMountOption
{
    /// <summary>Parses one <c>--mount</c> value; throws <see cref="FormatException"/> with docker's reason.</summary>
    public static JsonObject Parse(string value, string workingDirectory)
    {
        var mount = new JsonObject { ["Type"] = "volume" };
        JsonObject? volumeOptions = null;
        JsonObject? bindOptions = null;
        JsonObject? tmpfsOptions = null;
        JsonObject VolumeOptions()
        {
            volumeOptions ??= new JsonObject { ["Labels"] = new JsonObject(), ["DriverConfig"] = new JsonObject { ["Name"] = "" } };
            return volumeOptions;
        }
        JsonObject BindOptions() => bindOptions ??= new JsonObject();
        JsonObject TmpfsOptions() => tmpfsOptions ??= new JsonObject();

        foreach (var field in SplitCsv(value))
        {
            var eq = field.IndexOf('=');
            if (eq < 0)
            {
                switch (field)
                {
                    case "readonly" or "ro":
                        mount["ReadOnly"] = true;
                        continue;
                    case "volume-nocopy":
                        VolumeOptions()["NoCopy"] = true;
                        continue;
                    case "bind-nonrecursive":
                        BindOptions()["NonRecursive"] = true;
                        continue;
                    default:
                        throw new FormatException($"invalid field '{field}' must be a key=value pair");
                }
            }
            var (key, val) = (field[..eq], field[(eq + 1)..]);
            switch (key)
            {
                case "type":
                    mount["Type"] = val.ToLowerInvariant();
                    break;
                case "source" or "src":
                    mount["Source"] = val == "." || val.StartsWith("./", StringComparison.Ordinal) ? Path.GetFullPath(val, workingDirectory) : val;
                    break;
                case "target" or "dst" or "destination":
                    mount["Target"] = val;
                    break;
                case "readonly" or "ro":
                    mount["ReadOnly"] = ParseBool(key, val);
                    break;
                case "consistency":
                    mount["Consistency"] = val.ToLowerInvariant();
                    break;
                case "bind-propagation":
                    BindOptions()["Propagation"] = val.ToLowerInvariant();
                    break;
                case "bind-nonrecursive":
                    BindOptions()["NonRecursive"] = ParseBool(key, val);
                    break;
                case "volume-nocopy":
                    VolumeOptions()["NoCopy"] = bool.TryParse(val, out var noCopy) || TryParseBit(val, out noCopy)
                        ? noCopy
                        : throw new FormatException($"invalid value for volume-nocopy: {val}");
                    break;
                case "volume-label":
                    SetOnMap((JsonObject)VolumeOptions()["Labels"]!, val);
                    break;
                case "volume-driver":
                    ((JsonObject)VolumeOptions()["DriverConfig"]!)["Name"] = val;
                    break;
                case "volume-opt":
                    var driver = (JsonObject)VolumeOptions()["DriverConfig"]!;
                    if (driver["Options"] is not JsonObject options)
                    {
                        driver["Options"] = options = new JsonObject();
                    }
                    SetOnMap(options, val);
                    break;
                case "volume-subpath":
                    VolumeOptions()["Subpath"] = val;
                    break;
                case "tmpfs-size":
                    try
                    {
                        TmpfsOptions()["SizeBytes"] = Wharf.Core.Units.ByteSizes.RAMInBytes(val);
                    }
                    catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
                    {
                        throw new FormatException($"invalid value for {key}: {val}");
                    }
                    break;
                case "tmpfs-mode":
                    try
                    {
                        TmpfsOptions()["Mode"] = Convert.ToUInt32(val, 8);
                    }
                    catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
                    {
                        throw new FormatException($"invalid value for {key}: {val}");
                    }
                    break;
                default:
                    throw new FormatException($"unexpected key '{key}' in '{field}'");
            }
        }
        var type = mount["Type"]!.GetValue<string>();
        if (type.Length == 0)
        {
            throw new FormatException("type is required");
        }
        if (mount["Target"] is null || mount["Target"]!.GetValue<string>().Length == 0)
        {
            throw new FormatException("target is required");
        }
        if (volumeOptions is not null && type != "volume")
        {
            throw new FormatException($"cannot mix 'volume-*' options with mount type '{type}'");
        }
        if (bindOptions is not null && type != "bind")
        {
            throw new FormatException($"cannot mix 'bind-*' options with mount type '{type}'");
        }
        if (tmpfsOptions is not null && type != "tmpfs")
        {
            throw new FormatException($"cannot mix 'tmpfs-*' options with mount type '{type}'");
        }
        if (volumeOptions is not null)
        {
            mount["VolumeOptions"] = volumeOptions;
        }
        if (bindOptions is not null)
        {
            mount["BindOptions"] = bindOptions;
        }
        if (tmpfsOptions is not null)
        {
            mount["TmpfsOptions"] = tmpfsOptions;
        }
        return mount;
    }

    /// <summary>Splits one CSV record as Go's <c>encoding/csv</c> does: commas separate, a field may be quoted, <c>""</c> is a quote inside one.</summary>
    public static List<string> SplitCsv(string value)
    {
        var fields = new List<string>();
        var i = 0;
        while (true)
        {
            var field = new StringBuilder();
            if (i < value.Length && value[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= value.Length)
                    {
                        throw new FormatException($"parse error on line 1, column {i + 1}: extraneous or missing \" in quoted-field");
                    }
                    if (value[i] == '"')
                    {
                        if (i + 1 < value.Length && value[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(value[i++]);
                }
                if (i < value.Length && value[i] != ',')
                {
                    throw new FormatException($"parse error on line 1, column {i + 1}: extraneous or missing \" in quoted-field");
                }
            }
            else
            {
                while (i < value.Length && value[i] != ',')
                {
                    if (value[i] == '"')
                    {
                        throw new FormatException($"parse error on line 1, column {i + 1}: bare \" in non-quoted-field");
                    }
                    field.Append(value[i++]);
                }
            }
            fields.Add(field.ToString());
            if (i >= value.Length)
            {
                return fields;
            }
            i++; // the comma
        }
    }

    private static bool ParseBool(string key, string value) =>
        bool.TryParse(value, out var result) || TryParseBit(value, out result) ? result : throw new FormatException($"invalid value for {key}: {value}");

    // Go's strconv.ParseBool also takes 1/0/t/f.
    private static bool TryParseBit(string value, out bool result)
    {
        result = value is "1" or "t" or "T";
        return value is "1" or "0" or "t" or "f" or "T" or "F";
    }

    private static void SetOnMap(JsonObject map, string value)
    {
        var eq = value.IndexOf('=');
        var key = eq < 0 ? value : value[..eq];
        if (key.Length > 0)
        {
            map[key] = eq < 0 ? "" : value[(eq + 1)..];
        }
    }

    /// <summary>Formats a flag error as docker's flag parser does.</summary>
    public static string FlagError(string flag, string value, string reason) =>
        string.Create(CultureInfo.InvariantCulture, $"invalid argument \"{value}\" for \"--{flag}\" flag: {reason}");
}
