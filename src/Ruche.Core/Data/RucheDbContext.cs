using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    public DbSet<Audit.AuditCheckpoint> AuditCheckpoints => Set<Audit.AuditCheckpoint>();

    public DbSet<SearchDocument> SearchDocuments => Set<SearchDocument>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<QuietHours> QuietHours => Set<QuietHours>();

    public DbSet<DigestSchedule> DigestSchedules => Set<DigestSchedule>();

    public DbSet<WorkTime.WorkSchedule> WorkSchedules => Set<WorkTime.WorkSchedule>();

    public DbSet<WorkTime.LeavePeriod> LeavePeriods => Set<WorkTime.LeavePeriod>();

    public DbSet<WorkTime.CompanyHoliday> CompanyHolidays => Set<WorkTime.CompanyHoliday>();

    public DbSet<Goals.GoalList> GoalLists => Set<Goals.GoalList>();

    public DbSet<Goals.Goal> Goals => Set<Goals.Goal>();

    public DbSet<Goals.GoalSuggestion> GoalSuggestions => Set<Goals.GoalSuggestion>();

    public DbSet<Goals.GoalReminder> GoalReminders => Set<Goals.GoalReminder>();

    public DbSet<Goals.WeeklyRecapClaim> WeeklyRecapClaims => Set<Goals.WeeklyRecapClaim>();

    public DbSet<Goals.TeamGoalSettings> TeamGoalSettings => Set<Goals.TeamGoalSettings>();

    public DbSet<Goals.GoalHistorySharing> GoalHistorySharings => Set<Goals.GoalHistorySharing>();

    public DbSet<Events.SpaceEvent> Events => Set<Events.SpaceEvent>();

    public DbSet<Events.EventAttendee> EventAttendees => Set<Events.EventAttendee>();

    public DbSet<Events.CalendarFeed> CalendarFeeds => Set<Events.CalendarFeed>();

    public DbSet<PresenceStatus> PresenceStatuses => Set<PresenceStatus>();

    public DbSet<Privacy.RetentionPolicy> RetentionPolicies => Set<Privacy.RetentionPolicy>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    /// <summary>The keys that sign cookies and antiforgery tokens, when several nodes share them (Ruche:Cluster).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Identity builds its tables for the schema version in the application's IdentityOptions (3 adds
    /// AspNetUserPasskeys). A context made without the application's services (dotnet ef's design-time factories)
    /// gets a provider that says the same, so migrations see the model the running app uses. A pooled context cannot
    /// be changed in OnConfiguring: code that pools contexts outside the app passes it to UseApplicationServiceProvider.
    /// </summary>
    public static readonly IServiceProvider IdentitySchema = new ServiceCollection()
        .Configure<IdentityOptions>(identity => identity.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.ApplicationServiceProvider is null)
        {
            optionsBuilder.UseApplicationServiceProvider(IdentitySchema);
        }
    }

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
