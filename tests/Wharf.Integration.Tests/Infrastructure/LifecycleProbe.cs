using System.Globalization;

namespace Wharf.Integration.Tests.Infrastructure;

/// <summary>Helpers of the lifecycle tests: unique names, the API's time form, and polling a CLI call until it says done.</summary>
internal static class LifecycleProbe
{
    private static readonly TimeSpan PollLimit = TimeSpan.FromSeconds(90);

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    /// <summary>The API's <c>seconds.nanoseconds</c> form of a time, which the docker CLI passes through unchanged.</summary>
    public static string Unix(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return (ticks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture) + "."
            + (ticks % TimeSpan.TicksPerSecond * 100).ToString("D9", CultureInfo.InvariantCulture);
    }

    /// <summary>Runs <paramref name="probe"/> every 200 ms until <paramref name="done"/> holds or 90 s pass; returns the last result.</summary>
    public static async Task<ProcessResult> PollAsync(Func<Task<ProcessResult>> probe, Func<ProcessResult, bool> done)
    {
        var deadline = DateTime.UtcNow + PollLimit;
        while (true)
        {
            var result = await probe();
            if (done(result) || DateTime.UtcNow > deadline)
            {
                return result;
            }
            await Task.Delay(200);
        }
    }
}
