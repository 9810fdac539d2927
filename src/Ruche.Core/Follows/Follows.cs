using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Follows;

public sealed class PersonFollow
{
    public long FollowerId { get; set; }

    public long FolloweeId { get; set; }

    public DateTime CreatedAt { get; set; }
}

public sealed class TagFollow
{
    public long PersonId { get; set; }

    public required string Tag { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>Following a space brings its posts into the home feed without joining it.</summary>
public sealed class SpaceFollow
{
    public long PersonId { get; set; }

    public long SpaceId { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class FollowConfigurations :
    IEntityTypeConfiguration<PersonFollow>, IEntityTypeConfiguration<TagFollow>, IEntityTypeConfiguration<SpaceFollow>
{
    public void Configure(EntityTypeBuilder<PersonFollow> builder)
    {
        builder.HasKey(f => new { f.FollowerId, f.FolloweeId });
        builder.HasIndex(f => f.FolloweeId);
        builder.HasOne<Person>().WithMany().HasForeignKey(f => f.FollowerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(f => f.FolloweeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TagFollow> builder)
    {
        builder.HasKey(f => new { f.PersonId, f.Tag });
        builder.Property(f => f.Tag).HasMaxLength(Common.Limits.TagMaxLength);

        // "Who follows this tag" is asked for every new post's live and notification audience.
        builder.HasIndex(f => f.Tag);
        builder.HasOne<Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SpaceFollow> builder)
    {
        builder.HasKey(f => new { f.PersonId, f.SpaceId });
        builder.HasIndex(f => f.SpaceId);
        builder.HasOne<Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Space>().WithMany().HasForeignKey(f => f.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
