using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Records;

/// <summary>A remark on a meeting's minutes by its president or a member, or, once published, an employer's reasoned answer.</summary>
public sealed class CseComment
{
    public long Id { get; set; }

    public long MeetingId { get; set; }

    public long? AuthorId { get; set; }

    public Person? Author { get; set; }

    /// <summary>The employer's reasoned answer (by the president), attached to the published minutes.</summary>
    public bool IsEmployerAnswer { get; set; }

    public required string Text { get; set; }

    public DateTime At { get; set; }
}

internal sealed class CseCommentConfiguration : IEntityTypeConfiguration<CseComment>
{
    public void Configure(EntityTypeBuilder<CseComment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(RecordsLimits.CommentMaxLength);
        builder.HasIndex(c => new { c.MeetingId, c.At });
        builder.HasIndex(c => c.AuthorId);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}
