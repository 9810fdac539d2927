using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Access;

/// <summary>
/// A bearer token for the API: a short-lived one from sign-in, or a personal access token a person named.
/// Only its SHA-256 hash is stored; the secret is shown once.
/// </summary>
public sealed class AccessToken
{
    public long Id { get; set; }

    public long PersonId { get; set; }

    public Person? Person { get; set; }

    public required string Name { get; set; }

    public AccessTokenKind Kind { get; set; }

    public required string TokenHash { get; set; }

    /// <summary>The first characters of the secret, so a person recognises a token in their list.</summary>
    public required string Prefix { get; set; }

    /// <summary>What the token may do; null for sign-in tokens and tokens made before scopes existed (no restriction).</summary>
    public TokenScopes? Scopes { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

public enum AccessTokenKind
{
    SignIn,
    Personal,

    /// <summary>The company directory's provisioning client (SCIM): one at a time, made by an administrator.</summary>
    Scim,
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.PersonId);
        builder.HasOne(t => t.Person).WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
