using Ruche.Core.Common;

namespace Ruche.Core.Polls;

/// <summary>A poll as its author asks for it, with a post or added to one.</summary>
/// <param name="ClosesAt">The deadline (UTC), between 5 minutes and 3 months from now; null: open until closed by hand.</param>
public sealed record NewPoll(
    IReadOnlyList<string?>? Options,
    bool MultipleChoice = false,
    bool Anonymous = false,
    PollResultsVisibility Results = PollResultsVisibility.Always,
    DateTime? ClosesAt = null);

/// <summary>The checks a poll passes before anything is written.</summary>
public static class PollInputs
{
    public const int MinOptions = 2;
    public const int MaxOptions = 20;
    public static readonly TimeSpan ShortestDeadline = TimeSpan.FromMinutes(5);
    public const int LongestDeadlineMonths = 3;

    /// <summary>The options, trimmed, in order; refused with a clear code otherwise.</summary>
    public static IReadOnlyList<string> Validate(NewPoll poll, DateTime now)
    {
        var options = (poll.Options ?? []).Select(Input.Text).ToList();
        if (options.Count is < MinOptions or > MaxOptions)
        {
            throw RucheException.Invalid("poll.option-count", $"A poll offers between {MinOptions} and {MaxOptions} options.");
        }

        if (options.Any(o => o.Length is 0 or > PollOption.LabelMaxLength))
        {
            throw RucheException.Invalid("poll.option-length", $"Each option holds between 1 and {PollOption.LabelMaxLength} characters.");
        }

        if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
        {
            throw RucheException.Invalid("poll.duplicate-option", "Two options are the same.");
        }

        if (!Enum.IsDefined(poll.Results))
        {
            throw RucheException.Invalid("poll.results-invalid", "Results are shown always, after voting or after closing.");
        }

        if (poll.ClosesAt is { } deadline)
        {
            var utc = deadline.Kind == DateTimeKind.Local ? deadline.ToUniversalTime() : DateTime.SpecifyKind(deadline, DateTimeKind.Utc);
            if (utc < now + ShortestDeadline || utc > now.AddMonths(LongestDeadlineMonths))
            {
                throw RucheException.Invalid("poll.deadline-range", "A poll's deadline is between 5 minutes and 3 months from now.");
            }
        }

        return options;
    }

    public static Poll Build(NewPoll poll, IReadOnlyList<string> options) => new()
    {
        MultipleChoice = poll.MultipleChoice,
        Anonymous = poll.Anonymous,
        Results = poll.Results,
        ClosesAt = poll.ClosesAt is { } d ? (d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null,
        Options = options.Select((label, i) => new PollOption { Label = label, Position = i }).ToList(),
    };
}
