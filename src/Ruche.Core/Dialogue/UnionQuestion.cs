using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Dialogue;

/// <summary>
/// An employee's private question to a union's delegates, and its replies. Nobody else may learn the exchange exists:
/// no search source, no audit entry, no count anywhere; the words are sealed at rest (<see cref="Sealing.Sealer"/>).
/// </summary>
public sealed class UnionQuestion
{
    public long Id { get; set; }

    public long UnionId { get; set; }

    public Union? Union { get; set; }

    public long AskerId { get; set; }

    public Person? Asker { get; set; }

    public required byte[] SealedBody { get; set; }

    public DateTime AskedAt { get; set; }

    public DateTime LastMessageAt { get; set; }

    public List<UnionQuestionReply> Replies { get; set; } = [];
}

/// <summary>A message in a question's thread, by a delegate or by the asker.</summary>
public sealed class UnionQuestionReply
{
    public long Id { get; set; }

    public long QuestionId { get; set; }

    public long? AuthorId { get; set; }

    public Person? Author { get; set; }

    public required byte[] SealedBody { get; set; }

    public DateTime At { get; set; }
}

internal sealed class UnionQuestionConfiguration : IEntityTypeConfiguration<UnionQuestion>
{
    public void Configure(EntityTypeBuilder<UnionQuestion> builder)
    {
        // The delegates' inbox, and each asker's own questions.
        builder.HasIndex(q => new { q.UnionId, q.LastMessageAt });
        builder.HasIndex(q => new { q.AskerId, q.LastMessageAt });
        builder.HasOne(q => q.Union).WithMany().HasForeignKey(q => q.UnionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(q => q.Asker).WithMany().HasForeignKey(q => q.AskerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Replies).WithOne().HasForeignKey(r => r.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UnionQuestionReplyConfiguration : IEntityTypeConfiguration<UnionQuestionReply>
{
    public void Configure(EntityTypeBuilder<UnionQuestionReply> builder)
    {
        builder.HasIndex(r => new { r.QuestionId, r.At });
        builder.HasOne(r => r.Author).WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}
