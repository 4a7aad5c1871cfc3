using Wharf.Core.Units;

namespace Wharf.Core.Tests.Units;

public sealed class HumanDurationsTests
{
    public static TheoryData<TimeSpan, string> Durations => new()
    {
        { TimeSpan.Zero, "Less than a second" },
        { TimeSpan.FromMilliseconds(999), "Less than a second" },
        { TimeSpan.FromSeconds(-5), "Less than a second" },
        { TimeSpan.FromSeconds(1), "1 second" },
        { TimeSpan.FromSeconds(2), "2 seconds" },
        { TimeSpan.FromSeconds(3), "3 seconds" },
        { TimeSpan.FromSeconds(59), "59 seconds" },
        { TimeSpan.FromSeconds(60), "About a minute" },
        { TimeSpan.FromSeconds(119), "About a minute" },
        { TimeSpan.FromMinutes(2), "2 minutes" },
        { TimeSpan.FromMinutes(5), "5 minutes" },
        { TimeSpan.FromMinutes(59), "59 minutes" },
        { TimeSpan.FromMinutes(60), "About an hour" },
        { TimeSpan.FromMinutes(89), "About an hour" },
        { TimeSpan.FromMinutes(90), "2 hours" },
        { TimeSpan.FromHours(2), "2 hours" },
        { TimeSpan.FromHours(47), "47 hours" },
        { TimeSpan.FromHours(48), "2 days" },
        { TimeSpan.FromDays(3), "3 days" },
        { TimeSpan.FromDays(13), "13 days" },
        { TimeSpan.FromDays(14), "2 weeks" },
        { TimeSpan.FromDays(59), "8 weeks" },
        { TimeSpan.FromDays(60), "2 months" },
        { TimeSpan.FromDays(90), "3 months" },
        { TimeSpan.FromDays(365), "12 months" },
        { TimeSpan.FromDays(729), "24 months" },
        { TimeSpan.FromDays(730), "2 years" },
        { TimeSpan.FromDays(3650), "10 years" },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void MatchesGoUnits(TimeSpan duration, string expected) => Assert.Equal(expected, HumanDurations.HumanDuration(duration));
}
