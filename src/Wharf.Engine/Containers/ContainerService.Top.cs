using System.Globalization;
using Wharf.Core.Errors;
using Wharf.Engine.Runtime.Native;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// Docker's <c>top</c>: runs the host's <c>ps</c> with <paramref name="psArgs"/> (default <c>-ef</c>) and keeps the rows of the
    /// container's processes. Not running → 409; no PID column → 500 <c>Couldn't find PID field in ps output</c>.
    /// </summary>
    public async Task<ContainerTopResult> TopAsync(string nameOrId, string? psArgs, CancellationToken ct = default)
    {
        var container = RequireRunning(nameOrId);
        if (container.State.Paused)
            throw new ConflictException($"Container {container.Id} is paused, unpause the container before running top");
        var args = (string.IsNullOrWhiteSpace(psArgs) ? "-ef" : psArgs).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var pids = ContainerPids(container);
        var pidArg = "-q" + string.Join(',', pids.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        var (code, output, error) = await HostProgram.RunAsync("ps", [.. args, pidArg], ct: ct).ConfigureAwait(false);
        if (code != 0)
        {
            // Some options (f, for one) do not combine with -q: ask for everything and filter.
            (code, output, error) = await HostProgram.RunAsync("ps", args, ct: ct).ConfigureAwait(false);
            if (code != 0)
            {
                var first = error.Split('\n', 2)[0];
                throw new WharfException(ErrorKind.Internal, "ps: " + (first.Length > 0 ? first : $"exit status {code}"));
            }
        }
        return ParsePsOutput(output, pids);
    }

    /// <summary>Splits ps output into titles and the rows whose PID is in <paramref name="pids"/>.</summary>
    public static ContainerTopResult ParsePsOutput(string output, IReadOnlyCollection<int> pids)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
            throw new WharfException(ErrorKind.Internal, "Couldn't find PID field in ps output");
        var titles = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var pidIndex = Array.IndexOf(titles, "PID");
        if (pidIndex < 0)
            throw new WharfException(ErrorKind.Internal, "Couldn't find PID field in ps output");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length <= pidIndex)
                continue;
            if (!int.TryParse(fields[pidIndex], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                throw new WharfException(ErrorKind.Internal, $"Unexpected pid '{fields[pidIndex]}'");
            if (!pids.Contains(pid))
                continue;
            var row = fields.Take(titles.Length - 1).ToList();
            row.Add(string.Join(' ', fields.Skip(titles.Length - 1)));
            rows.Add(row);
        }
        return new ContainerTopResult(titles, rows);
    }
}
