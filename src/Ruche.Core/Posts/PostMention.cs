using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Posts;

public sealed class PostMention
{
    public long PostId { get; set; }

    public long PersonId { get; set; }
}

internal sealed class PostMentionConfiguration : IEntityTypeConfiguration<PostMention>
{
    public void Configure(EntityTypeBuilder<PostMention> builder)
    {
        builder.HasKey(m => new { m.PostId, m.PersonId });
        builder.HasIndex(m => new { m.PersonId, m.PostId });
        builder.HasOne<Post>().WithMany(p => p.Mentions).HasForeignKey(m => m.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
