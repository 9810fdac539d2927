using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;
using Ruche.Core.Posts;

namespace Ruche.Core.Dialogue;

/// <summary>
/// The company's removal of clearly illicit union content, through a recorded procedure: what, why, on which legal
/// basis, who decided and when. The union sees it and may contest it; no removal happens without one.
/// </summary>
public sealed class UnionTakedown
{
    public long Id { get; set; }

    public long UnionId { get; set; }

    public Union? Union { get; set; }

    public long? PostId { get; set; }

    public Post? Post { get; set; }

    public required string Reason { get; set; }

    public required string LegalBasis { get; set; }

    public long? DecidedById { get; set; }

    public Person? DecidedBy { get; set; }

    public DateTime DecidedAt { get; set; }

    public string? Contest { get; set; }

    public DateTime? ContestedAt { get; set; }
}

internal sealed class UnionTakedownConfiguration : IEntityTypeConfiguration<UnionTakedown>
{
    public void Configure(EntityTypeBuilder<UnionTakedown> builder)
    {
        builder.Property(t => t.Reason).HasMaxLength(DialogueLimits.TakedownTextMaxLength);
        builder.Property(t => t.LegalBasis).HasMaxLength(DialogueLimits.TakedownTextMaxLength);
        builder.Property(t => t.Contest).HasMaxLength(DialogueLimits.TakedownTextMaxLength);
        builder.HasIndex(t => new { t.UnionId, t.DecidedAt });
        builder.HasOne(t => t.Union).WithMany().HasForeignKey(t => t.UnionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Post).WithMany().HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(t => t.DecidedBy).WithMany().HasForeignKey(t => t.DecidedById).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>A takedown: read by the union's delegates, whose content it removed, and by the administrators who answer for it.</summary>
public sealed class UnionTakedownSubject() : Subjects.SubjectKind<UnionTakedown>(
    Kind,
    t => t.Id,
    t => false,
    (t, personId) => t.Union!.IsRunBy(personId),
    t => t.Union!.Delegates.Select(d => d.PersonId))
{
    public const string Kind = "union-takedown";

    public static readonly UnionTakedownSubject Instance = new();

    public override async Task<IReadOnlyDictionary<long, Subjects.SubjectLink>> DescribeAsync(Data.RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Set<UnionTakedown>().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Reason })
            .ToDictionaryAsync(t => t.Id, t => new Subjects.SubjectLink($"/unions/takedowns/{t.Id}", t.Reason), cancellationToken);
}
