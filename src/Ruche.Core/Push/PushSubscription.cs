using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.People;

namespace Ruche.Core.Push;

/// <summary>
/// One device a person allowed to receive push notifications: the browser's push endpoint and the keys that encrypt
/// what is sent to it (RFC 8291). A person opts in per device; a device belongs to one person at a time.
/// </summary>
public sealed class PushSubscription
{
    public long Id { get; set; }

    public long PersonId { get; set; }

    /// <summary>The push service's URL for this browser; it is a capability, so it is never shown back in full.</summary>
    public required string Endpoint { get; set; }

    /// <summary>SHA-256 of the endpoint (hex): the unique key, shorter than the endpoint itself.</summary>
    public required string EndpointHash { get; set; }

    /// <summary>The browser's P-256 public key, base64url (65 bytes uncompressed).</summary>
    public required string P256dh { get; set; }

    /// <summary>The browser's 16-byte authentication secret, base64url.</summary>
    public required string Auth { get; set; }

    /// <summary>"Chrome · Android", from the user agent when the device subscribed: how the person tells devices apart.</summary>
    public required string DeviceLabel { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A person's push choices beyond per-device consent; a missing row means the defaults (no previews).</summary>
public sealed class PushSettings
{
    public long PersonId { get; set; }

    /// <summary>Whether a push may say who did what ("Nouveau commentaire de Ana") on a lock screen; off by default.</summary>
    public bool ShowPreviews { get; set; }
}

/// <summary>
/// A push waiting to go to all of a person's devices: written with the notification, in its transaction, and sent by
/// the push worker off the request path; held while the person's quiet hours last. It names the kind and, when the
/// kind shows actors, who acted — never what they wrote.
/// </summary>
public sealed class PushMessage
{
    public long Id { get; set; }

    public long PersonId { get; set; }

    public required string Kind { get; set; }

    public long? ActorId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the worker may (next) try it: a claim pushes it forward, so two nodes never send it together.</summary>
    public DateTime DueAt { get; set; }

    public int Attempts { get; set; }
}

internal sealed class PushSubscriptionConfiguration : IEntityTypeConfiguration<PushSubscription>
{
    public void Configure(EntityTypeBuilder<PushSubscription> builder)
    {
        builder.ToTable("PushSubscriptions");
        builder.Property(s => s.Endpoint).HasMaxLength(PushRules.MaxEndpointLength);
        builder.Property(s => s.EndpointHash).HasMaxLength(64);
        builder.Property(s => s.P256dh).HasMaxLength(100);
        builder.Property(s => s.Auth).HasMaxLength(40);
        builder.Property(s => s.DeviceLabel).HasMaxLength(64);
        builder.HasIndex(s => s.EndpointHash).IsUnique();

        // A person's devices (the settings list and each push).
        builder.HasIndex(s => new { s.PersonId, s.Id });
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PushSettingsConfiguration : IEntityTypeConfiguration<PushSettings>
{
    public void Configure(EntityTypeBuilder<PushSettings> builder)
    {
        builder.ToTable("PushSettings");
        builder.HasKey(s => s.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PushMessageConfiguration : IEntityTypeConfiguration<PushMessage>
{
    public void Configure(EntityTypeBuilder<PushMessage> builder)
    {
        builder.ToTable("PushMessages");
        builder.Property(m => m.Kind).HasMaxLength(32);

        // The worker's scan for what is due.
        builder.HasIndex(m => new { m.DueAt, m.Id });
        builder.HasIndex(m => m.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
