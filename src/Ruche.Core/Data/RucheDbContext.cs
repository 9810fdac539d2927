using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Access;
using Ruche.Core.Files;
using Ruche.Core.Follows;
using Ruche.Core.Notifications;
using Ruche.Core.People;
using Ruche.Core.Posts;
using Ruche.Core.Search;
using Ruche.Core.Spaces;

namespace Ruche.Core.Data;

public sealed class RucheDbContext(DbContextOptions<RucheDbContext> options)
    : IdentityDbContext<Person, IdentityRole<long>, long>(options), IDataProtectionKeyContext
{
    public DbSet<Person> People => Set<Person>();

    public DbSet<PersonSkill> PersonSkills => Set<PersonSkill>();

    public DbSet<Site> Sites => Set<Site>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Space> Spaces => Set<Space>();

    public DbSet<SpaceMembership> SpaceMemberships => Set<SpaceMembership>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<PostTag> PostTags => Set<PostTag>();

    public DbSet<PostMention> PostMentions => Set<PostMention>();

    public DbSet<PostImage> PostImages => Set<PostImage>();

    public DbSet<PostRevision> PostRevisions => Set<PostRevision>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<Reaction> Reactions => Set<Reaction>();

    public DbSet<PersonFollow> PersonFollows => Set<PersonFollow>();

    public DbSet<TagFollow> TagFollows => Set<TagFollow>();

    public DbSet<SpaceFollow> SpaceFollows => Set<SpaceFollow>();

    public DbSet<StoredFile> Files => Set<StoredFile>();

    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<CompanySettings> CompanySettings => Set<CompanySettings>();

    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    public DbSet<SearchDocument> SearchDocuments => Set<SearchDocument>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<QuietHours> QuietHours => Set<QuietHours>();

    public DbSet<DigestSchedule> DigestSchedules => Set<DigestSchedule>();

    /// <summary>The keys that sign cookies and antiforgery tokens, when several nodes share them (Ruche:Cluster).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RucheDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC (PRODUCT "Rules that hold everywhere"); reading marks it so.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveConversion<NulFreeStringConverter>();
    }
}
