using System.Globalization;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Text;
using Ruche.Core.Common;

namespace Ruche.Core.Events;

/// <summary>Checks an event as written and turns it into its schedule; every refusal has its own code.</summary>
internal static class EventInputs
{
    private static readonly LocalDateTimePattern Minutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly LocalDatePattern Day = LocalDatePattern.Iso;

    public sealed record Checked(string Title, string Description, EventSchedule Schedule);

    public static Checked Check(EventInput input)
    {
        var title = Input.Text(input.Title);
        if (title.Length == 0 || title.Length > Limits.EventTitleMaxLength)
        {
            throw RucheException.Invalid("event.title-invalid", $"An event needs a title of 1 to {Limits.EventTitleMaxLength} characters.");
        }

        var description = Input.Text(input.Description);
        if (description.Length > Limits.EventDescriptionMaxLength)
        {
            throw RucheException.Invalid("event.description-too-long", $"An event description holds at most {Limits.EventDescriptionMaxLength} characters.");
        }

        var zone = EventSchedule.FindZone(input.TimeZone)
            ?? throw RucheException.Invalid("event.time-zone-invalid", "The time zone must be an IANA time zone such as Europe/Paris.");
        var start = LocalDateTime(input.Start);
        var end = LocalDateTime(input.End);
        var length = end.InZoneLeniently(zone).ToInstant() - start.InZoneLeniently(zone).ToInstant();
        if (length <= Duration.Zero)
        {
            throw RucheException.Invalid("event.end-before-start", "An event ends after it starts.");
        }

        if (length > Duration.FromMinutes(Limits.EventMaxDurationMinutes))
        {
            throw RucheException.Invalid("event.too-long", "An event lasts at most 14 days.");
        }

        if (!Enum.IsDefined(input.Repeat))
        {
            throw RucheException.Invalid("event.repeat-invalid", "An event repeats never, weekly or monthly.");
        }

        var date = start.Date;
        int? week = null;
        if (input.RepeatDay is { } repeatDay && input.Repeat != EventRepeat.None)
        {
            if (!Enum.IsDefined(repeatDay))
            {
                throw RucheException.Invalid("event.repeat-invalid", "The weekday of a series is monday to sunday.");
            }

            date = date.With(DateAdjusters.NextOrSame(repeatDay.ToIsoDayOfWeek()));
        }

        switch (input.Repeat)
        {
            case EventRepeat.MonthlyByWeekday:
                if (input.RepeatWeek is not (1 or 2 or 3 or 4 or -1))
                {
                    throw RucheException.Invalid("event.repeat-invalid", "A monthly event falls on the first to fourth, or the last, weekday of the month.");
                }

                week = input.RepeatWeek;

                // The first occurrence is the first date on or after the one given that follows the rule.
                date = EventSchedule.FirstMonthlyOnOrAfter(start.Date, date.DayOfWeek, week.Value);
                break;
            case EventRepeat.Weekly when length >= Duration.FromDays(7):
                throw RucheException.Invalid("event.too-long", "A weekly event lasts less than a week.");
        }

        LocalDate? until = null;
        if (input.Repeat != EventRepeat.None && !string.IsNullOrWhiteSpace(input.RepeatUntil))
        {
            var parsed = Day.Parse(input.RepeatUntil.Trim());
            if (!parsed.Success || parsed.Value < date || parsed.Value.Year > 2200)
            {
                throw RucheException.Invalid("event.repeat-until-invalid", "The last date of a series is a date (yyyy-MM-dd) on or after its first occurrence.");
            }

            until = parsed.Value;
        }

        return new Checked(title, description, new EventSchedule(zone, date, start.TimeOfDay, length, input.Repeat, week, until));
    }

    public static string Format(LocalDateTime value) => Minutes.Format(value);

    public static string Format(LocalDate value) => Day.Format(value);

    private static LocalDateTime LocalDateTime(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        var parsed = Minutes.Parse(text);
        if (!parsed.Success)
        {
            parsed = LocalDateTimePattern.GeneralIso.Parse(text);
        }

        if (!parsed.Success || parsed.Value.Year is < 2000 or > 2200)
        {
            throw RucheException.Invalid(
                "event.time-invalid",
                string.Create(CultureInfo.InvariantCulture, $"Start and end are local date-times such as 2027-03-01T09:00, without an offset."));
        }

        return parsed.Value;
    }
}
