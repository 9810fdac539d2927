using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Ballots;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Demo.Bdese;
using Ruche.Demo.Communication;
using Ruche.Demo.Dialogue;
using Ruche.Demo.Influence;
using Ruche.Demo.Records;
using Ruche.Demo.Events;
using Ruche.Demo.Follows;
using Ruche.Demo.Ideas;
using Ruche.Demo.Irritants;
using Ruche.Demo.Goals;
using Ruche.Demo.Notifications;
using Ruche.Demo.People;
using Ruche.Demo.Polls;
using Ruche.Demo.Posts;
using Ruche.Demo.Presence;
using Ruche.Demo.Spaces;
using Ruche.Demo.Surveys;
using Ruche.Demo.Wiki;

namespace Ruche.Demo;

/// <summary>A fictional company of sixty people on three sites, with a month of activity, for demos and manual tests.</summary>
public static class DemoCompany
{
    public const string Password = "Ruche-Demo-2026!";
    public const string EmailDomain = "demo.ruche.local";

    // A fixed seed builds the same company every time, so demos and bug reports can be reproduced.
    private const int Seed = 2026;

    /// <summary>Seeds the demo company into an empty, migrated database, all or nothing; its anonymous poll stays without ballots.</summary>
    public static Task SeedAsync(RucheDbContext db, IPasswordHasher<Person> hasher, TimeProvider time, CancellationToken cancellationToken) =>
        SeedAsync(db, hasher, time, null, cancellationToken);

    /// <summary>
    /// Seeds the demo company into an empty, migrated database, all or nothing; then, given the <paramref name="ballots"/>
    /// box, casts the anonymous poll's ballots and the pulse survey's answers through it (the box runs its own transactions).
    /// </summary>
    public static async Task SeedAsync(RucheDbContext db, IPasswordHasher<Person> hasher, TimeProvider time, BallotBox? ballots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(time);
        if (await db.People.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The demo company is seeded into an empty database only.");
        }

        var now = time.UtcNow();
        var random = new Random(Seed);

        // The company adopted Ruche a few weeks before the month of activity, so every account predates its posts.
        var launch = now.Date.AddDays(-45).AddHours(7);

        // Every step draws from the one seeded random in turn: reordering them would build a different company.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var staff = DemoPeople.Create(db, hasher, random, now, launch);
        var roles = await DemoRoles.EnsureAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        DemoRoles.Assign(db, staff, roles);
        var spaces = DemoSpaces.Create(db, staff, random, launch.AddHours(4), now);
        await db.SaveChangesAsync(cancellationToken);

        await new DemoActivity(db, staff, spaces, random, now).WriteAsync(cancellationToken);
        await DemoNotifications.WriteAsync(db, now, cancellationToken);
        await DemoGoals.WriteAsync(db, staff, spaces, random, now, cancellationToken);

        DemoFollows.Write(db, staff, spaces, random, now);
        DemoEvents.Write(db, staff, spaces, random, now);
        DemoPresence.Write(db, staff, random, now);
        DemoDialogue.Write(db, staff, launch, now);
        DemoBdese.Write(db, staff, launch, now);
        await db.SaveChangesAsync(cancellationToken);
        await DemoRecords.WriteAsync(db, staff, now, cancellationToken);
        await DemoCommunication.WriteAsync(db, staff, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // The employee voice: ideas in every status, and half a year of irritants (after everything else, so the steps above draw the same).
        await DemoIdeas.WriteAsync(db, staff, spaces, random, now, cancellationToken);
        DemoIrritants.Write(db, staff, random, now, new Core.Irritants.IrritantSettings());
        await db.SaveChangesAsync(cancellationToken);
        DemoInfluence.Write(db, staff, now);
        await db.SaveChangesAsync(cancellationToken);
        var polls = await DemoPolls.WriteAsync(db, staff, spaces, now, cancellationToken);
        await Recognition.DemoRecognition.WriteAsync(db, staff, spaces, now, cancellationToken);
        await DemoWiki.WriteAsync(db, staff, spaces, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (ballots is not null)
        {
            await polls.CastAnonymousBallotsAsync(ballots, cancellationToken);
            await DemoSurveys.WriteAsync(db, ballots, new Random(Seed + 13), now, cancellationToken);
        }
    }
}
