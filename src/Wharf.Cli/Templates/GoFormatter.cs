using System.Globalization;
using System.Text;

namespace Wharf.Cli.Templates;

/// <summary>Go's <c>fmt.Sprintf</c> for the verbs templates use: <c>%s %v %d %q %f %e %g %x %X %t %c %%</c> with flags, width and precision.</summary>
internal static class GoFormatter
{
    /// <summary>Formats <paramref name="args"/> into <paramref name="format"/>.</summary>
    public static string Sprintf(string format, IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder();
        var argIndex = 0;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%')
            {
                sb.Append(c);
                continue;
            }
            i++;
            if (i >= format.Length)
            {
                sb.Append("%!(NOVERB)");
                break;
            }
            bool minus = false, plus = false, zero = false, spaceFlag = false, sharp = false;
            for (; i < format.Length; i++)
            {
                switch (format[i])
                {
                    case '-': minus = true; continue;
                    case '+': plus = true; continue;
                    case '0': zero = true; continue;
                    case ' ': spaceFlag = true; continue;
                    case '#': sharp = true; continue;
                }
                break;
            }
            int? width = ReadNumber(format, ref i, args, ref argIndex);
            int? precision = null;
            if (i < format.Length && format[i] == '.')
            {
                i++;
                precision = ReadNumber(format, ref i, args, ref argIndex) ?? 0;
            }
            if (i >= format.Length)
            {
                sb.Append("%!(NOVERB)");
                break;
            }
            var verb = format[i];
            if (verb == '%')
            {
                sb.Append('%');
                continue;
            }
            if (argIndex >= args.Count)
            {
                sb.Append("%!").Append(verb).Append("(MISSING)");
                continue;
            }
            var arg = TemplateValues.Normalize(args[argIndex++]);
            var text = FormatOne(verb, arg, precision, plus, spaceFlag, sharp);
            if (width is { } w && text.Length < w)
            {
                var pad = w - text.Length;
                if (minus)
                {
                    text += new string(' ', pad);
                }
                else if (zero && verb is 'd' or 'f' or 'e' or 'g' or 'x' or 'X' && (arg is long or double))
                {
                    var sign = text.Length > 0 && text[0] is '-' or '+' ? text[..1] : "";
                    text = sign + new string('0', pad) + text[sign.Length..];
                }
                else
                {
                    text = new string(' ', pad) + text;
                }
            }
            sb.Append(text);
        }
        if (argIndex < args.Count)
        {
            sb.Append("%!(EXTRA ");
            sb.Append(string.Join(", ", args.Skip(argIndex).Select(a => TemplateValues.TypeName(a) + "=" + TemplateValues.ToText(a, nested: true))));
            sb.Append(')');
        }
        return sb.ToString();
    }

    private static int? ReadNumber(string format, ref int i, IReadOnlyList<object?> args, ref int argIndex)
    {
        if (i < format.Length && format[i] == '*')
        {
            i++;
            return argIndex < args.Count && TemplateValues.Normalize(args[argIndex++]) is long n ? (int)n : null;
        }
        var start = i;
        while (i < format.Length && char.IsAsciiDigit(format[i]))
        {
            i++;
        }
        return i > start ? int.Parse(format.AsSpan(start, i - start), CultureInfo.InvariantCulture) : null;
    }

    private static string FormatOne(char verb, object? arg, int? precision, bool plus, bool space, bool sharp)
    {
        switch (verb)
        {
            case 'v':
                if (sharp && arg is string s0)
                {
                    return TemplateValues.Quote(s0);
                }
                return Sign(TemplateValues.ToText(arg, nested: true), arg, plus, space);
            case 's':
                {
                    var s = arg is string str ? str : TemplateValues.ToText(arg, nested: true);
                    return precision is { } p && p < s.Length ? s[..p] : s;
                }
            case 'q':
                return arg switch
                {
                    string s => TemplateValues.Quote(s),
                    long l => "'" + char.ConvertFromUtf32((int)l) + "'",
                    _ => Bad(verb, arg),
                };
            case 'd':
                return arg switch
                {
                    long l => Sign(l.ToString(CultureInfo.InvariantCulture), arg, plus, space),
                    double => Bad(verb, arg),
                    _ => Bad(verb, arg),
                };
            case 't':
                return arg is bool b ? (b ? "true" : "false") : Bad(verb, arg);
            case 'c':
                return arg is long c ? char.ConvertFromUtf32((int)c) : Bad(verb, arg);
            case 'x' or 'X':
                {
                    var text = arg switch
                    {
                        long l => l < 0 ? "-" + (-l).ToString("x", CultureInfo.InvariantCulture) : l.ToString("x", CultureInfo.InvariantCulture),
                        string s => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(s)),
                        _ => null,
                    };
                    if (text is null)
                    {
                        return Bad(verb, arg);
                    }
                    if (sharp)
                    {
                        text = "0x" + text;
                    }
                    return verb == 'X' ? text.ToUpperInvariant() : text;
                }
            case 'f' or 'F' or 'e' or 'E' or 'g' or 'G':
                {
                    double d;
                    if (arg is double dd)
                    {
                        d = dd;
                    }
                    else if (arg is long l)
                    {
                        d = l;
                    }
                    else
                    {
                        return Bad(verb, arg);
                    }
                    var text = verb switch
                    {
                        'f' or 'F' => d.ToString("F" + (precision ?? 6).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                        'e' or 'E' => ExpForm(d, precision ?? 6, verb == 'E'),
                        _ => precision is { } p ? d.ToString("G" + p.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal) : TemplateValues.FormatFloat(d),
                    };
                    return Sign(text, arg, plus, space);
                }
            default:
                return Bad(verb, arg);
        }
    }

    private static string ExpForm(double d, int precision, bool upper)
    {
        var text = d.ToString((upper ? "E" : "e") + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        // .NET writes three exponent digits (e+006); Go writes at least two (e+06).
        var e = text.IndexOfAny(['e', 'E']);
        var exp = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return text[..(e + 1)] + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
    }

    private static string Sign(string text, object? arg, bool plus, bool space)
    {
        if (arg is long or double && !text.StartsWith('-'))
        {
            if (plus)
            {
                return "+" + text;
            }
            if (space)
            {
                return " " + text;
            }
        }
        return text;
    }

    private static string Bad(char verb, object? arg) => $"%!{verb}({TemplateValues.TypeName(arg)}={TemplateValues.ToText(arg, nested: true)})";
}
