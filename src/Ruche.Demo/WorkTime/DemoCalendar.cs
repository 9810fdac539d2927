using Ruche.Demo.People;

namespace Ruche.Demo.WorkTime;

/// <summary>When things happen in the demo company: during people's own working hours, over the last month, never in the future.</summary>
internal sealed class DemoCalendar(Random random, DateTime now)
{
    public const int ActivityDays = 30;

    public DateOnly Today { get; } = DateOnly.FromDateTime(now);

    /// <summary>A time in the writer's own working day (or evening, off work), within the last month and after they joined.</summary>
    public DateTime PickTime(DemoMember author, bool workday)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var day = Today.AddDays(-random.Next(ActivityDays));
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (weekend && random.NextDouble() < (workday ? 0.95 : 0.6))
            {
                continue;
            }

            var minute = workday ? random.Next((8 * 60) + 30, 19 * 60) : random.Next((7 * 60) + 30, 22 * 60);
            var at = Local(day, minute, author);
            if (at < now && at > author.JoinedAt.AddHours(1))
            {
                return at;
            }
        }

        return Between(author.JoinedAt.AddHours(1), now, random);
    }

    /// <summary>Moves an instant into the writer's working day: a manager abroad does not welcome a newcomer at 4 a.m.</summary>
    public DateTime DuringWorkingHours(DateTime at, DemoMember writer)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(at, writer.Zone);
        if (local.Hour is >= 8 and < 19)
        {
            return at;
        }

        var day = DateOnly.FromDateTime(local);
        return Local(local.Hour >= 19 ? day.AddDays(1) : day, (9 * 60) + random.Next(60), writer);
    }

    public DateTime Local(DateOnly day, int minute, DemoMember author) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(minute / 60, minute % 60, random.Next(60))), author.Zone);

    /// <summary>When someone reacts to something: mostly within hours, sometimes days later, never in the future.</summary>
    public DateTime? After(DateTime from)
    {
        var roll = random.NextDouble();
        var minutes = roll < 0.7 ? random.Next(3, 240) : roll < 0.95 ? random.Next(240, 1800) : random.Next(1800, 4320);
        var at = from.AddMinutes(minutes).AddSeconds(random.Next(60));
        if (at < now)
        {
            return at;
        }

        var room = (now - from).TotalSeconds;
        return room < 120 ? null : from.AddSeconds(60 + Math.Floor(random.NextDouble() * (room - 61)));
    }

    public static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;

    public static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>A whole-second instant between two others, so values survive any database's precision.</summary>
    public static DateTime Between(DateTime from, DateTime to, Random random) =>
        to <= from ? from : from.AddSeconds(Math.Floor(random.NextDouble() * (to - from).TotalSeconds));
}
