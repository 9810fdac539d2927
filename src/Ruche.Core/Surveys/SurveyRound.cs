using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Surveys;

/// <summary>
/// One round of a survey: its own ballot box (kind <see cref="SurveyBallotCounter.Kind"/>, box id = the round's id).
/// Its results are published once, when it has closed and its last ballots are counted (<see cref="Counted"/>).
/// </summary>
public sealed class SurveyRound
{
    public long Id { get; set; }

    public long SurveyId { get; set; }

    public int Number { get; set; }

    public DateTime OpensAt { get; set; }

    public DateTime ClosesAt { get; set; }

    /// <summary>Closed and every ballot counted: from then on, and only then, its results are shown.</summary>
    public bool Counted { get; set; }

    /// <summary>When the reminder to those who had not answered went out (<see cref="SurveyReminders"/>): once per round.</summary>
    public DateTime? RemindedAt { get; set; }

    public bool IsOpenAt(DateTime now) => !Counted && OpensAt <= now && now < ClosesAt;

    public bool HasClosedAt(DateTime now) => Counted || now >= ClosesAt;
}

internal sealed class SurveyRoundConfiguration : IEntityTypeConfiguration<SurveyRound>
{
    public void Configure(EntityTypeBuilder<SurveyRound> builder)
    {
        builder.HasIndex(r => new { r.SurveyId, r.Number }).IsUnique();
        builder.HasIndex(r => new { r.OpensAt, r.ClosesAt });
        builder.HasIndex(r => new { r.RemindedAt, r.ClosesAt });
    }
}
