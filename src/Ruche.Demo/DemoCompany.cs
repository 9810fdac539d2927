using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Sealing;
using Ruche.Demo.Events;
using Ruche.Demo.Follows;
using Ruche.Demo.Goals;
using Ruche.Demo.Notifications;
using Ruche.Demo.People;
using Ruche.Demo.Posts;
using Ruche.Demo.Presence;
using Ruche.Demo.Spaces;
using Ruche.Demo.Surveys;

namespace Ruche.Demo;

/// <summary>A fictional company of sixty people on three sites, with a month of activity, for demos and manual tests.</summary>
public static class DemoCompany
{
    public const string Password = "Ruche-Demo-2026!";
    public const string EmailDomain = "demo.ruche.local";

    // A fixed seed builds the same company every time, so demos and bug reports can be reproduced.
    private const int Seed = 2026;

    /// <summary>Seeds the demo company into an empty, migrated database, all or nothing.</summary>
    public static async Task SeedAsync(RucheDbContext db, IPasswordHasher<Person> hasher, TimeProvider time, CancellationToken cancellationToken)
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
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Seeds what the demo casts through the anonymous ballot box (the pulse survey's answers), after
    /// <see cref="SeedAsync"/>: the ballot box counts each batch in a transaction of its own.
    /// </summary>
    public static async Task SeedBallotsAsync(RucheDbContext db, Sealer sealer, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        await DemoSurveys.WriteAsync(db, sealer, new Random(Seed + 13), time.UtcNow(), cancellationToken);
    }
}
