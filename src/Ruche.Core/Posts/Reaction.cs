using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Posts;

/// <summary>One person's reaction of one kind to a post (at most one per person per kind).</summary>
public sealed class Reaction
{
    public long PostId { get; set; }

    public long PersonId { get; set; }

    public ReactionKind Kind { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>The small fixed set of reactions.</summary>
public enum ReactionKind
{
    Like,
    Love,
    Celebrate,
    Insightful,
    Funny,
}

public static class ReactionKinds
{
    public static readonly IReadOnlyList<ReactionKind> All = Enum.GetValues<ReactionKind>();

    public static string Emoji(ReactionKind kind) => kind switch
    {
        ReactionKind.Like => "👍",
        ReactionKind.Love => "❤️",
        ReactionKind.Celebrate => "🎉",
        ReactionKind.Insightful => "💡",
        ReactionKind.Funny => "😄",
        _ => "?",
    };

    /// <summary>Parses the lower-case name used in URLs ("like", "celebrate"…).</summary>
    public static ReactionKind Parse(string? name)
    {
        foreach (var kind in All)
        {
            if (string.Equals(kind.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        throw Common.RucheException.Invalid("reaction.unknown", $"Unknown reaction '{name}'. Known: {string.Join(", ", All.Select(Name))}.");
    }

    public static string Name(ReactionKind kind) => kind.ToString().ToLowerInvariant();
}

internal sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> builder)
    {
        builder.HasKey(r => new { r.PostId, r.PersonId, r.Kind });
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Post>().WithMany(p => p.Reactions).HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
